import DiversityKit
import Foundation

/// Why reports could not be written (besides a renderer's own errors and
/// `ReportRenderingError`s from writing files).
public enum ReportOutputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Two renderers produced files of the same name.
    case duplicateFileName(String)
    /// A report's folder is not one plain path component (empty, `.`, `..`, or holding `/`, `\\` or NUL).
    case unsafeFolderName(String)

    /// A readable description.
    public var description: String { text(.english) }
}

/// Writes a report through several renderers into one directory.
///
/// ```swift
/// let written = try ReportOutput(directory: "reports/omvant-mentorskap",
///                                renderers: [HTMLRenderer(), MarkdownRenderer(), CSVRenderer()])
///     .write(report)
/// ```
public struct ReportOutput: Sendable {
    /// The directory files are written to (created when missing).
    public var directory: URL
    /// The renderers, in order.
    public var renderers: [any ReportRenderer]

    /// Creates an output for `directory`.
    public init(directory: String, renderers: [any ReportRenderer]) {
        self.directory = URL(fileURLWithPath: directory, isDirectory: true)
        self.renderers = renderers
    }

    /// Renders `report` with every renderer and writes the files; returns their paths in order.
    ///
    /// Every renderer runs and every name is checked before anything is written, so a renderer
    /// that fails, a repeated name or an unsafe one writes nothing.
    /// - Throws: a renderer's error, ``ReportOutputError/duplicateFileName(_:)``,
    ///   `ReportRenderingError.unsafeFileName` or `ReportRenderingError.writeFailed`.
    @discardableResult
    public func write(_ report: Report) throws -> [URL] {
        let files = try renderers.flatMap { try $0.render(report) }
        var names: Set<String> = []
        for file in files where !names.insert(file.name).inserted {
            throw ReportOutputError.duplicateFileName(file.name)
        }
        return try files.write(into: directory)
    }

    /// Writes each report into its own folder under `directory` (`<directory>/<folder>/`), so
    /// that files of the same name (every report has a `report.html`) do not collide.
    /// - Returns: the paths of every file written, in order.
    /// - Throws: as ``write(_:)``; ``ReportOutputError/unsafeFolderName(_:)`` (before anything is
    ///   written) when a folder would leave `directory`; reports before a failing one stay written.
    @discardableResult
    public static func write(_ reports: [(folder: String, report: Report)], under directory: String,
                             renderers: [any ReportRenderer]) throws -> [URL] {
        if let unsafe = reports.first(where: { !RenderedFile.isPlainFileName($0.folder) }) {
            throw ReportOutputError.unsafeFolderName(unsafe.folder)
        }
        return try reports.flatMap { entry in
            try ReportOutput(directory: (directory as NSString).appendingPathComponent(entry.folder), renderers: renderers)
                .write(entry.report)
        }
    }
}
