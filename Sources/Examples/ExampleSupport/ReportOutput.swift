import DiversityKit
import Foundation

/// Why reports could not be written.
public enum ReportOutputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A renderer produced a file name that is not a plain name inside the directory.
    case unsafeFileName(String)
    /// Two renderers produced files of the same name.
    case duplicateFileName(String)
    /// The directory or a file could not be written.
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .unsafeFileName(let n): return "renderer produced an unsafe file name '\(n)'"
        case .duplicateFileName(let n): return "two renderers produced a file named '\(n)'"
        case .writeFailed(let p, let r): return "cannot write \(p): \(r)"
        }
    }
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
    /// that fails or a bad name writes nothing.
    /// - Throws: a renderer's error, or ``ReportOutputError``.
    @discardableResult
    public func write(_ report: Report) throws -> [URL] {
        let files = try renderers.flatMap { try $0.render(report) }
        var names: Set<String> = []
        for file in files {
            guard !file.name.isEmpty, file.name != ".", file.name != "..",
                  !file.name.contains(where: { $0 == "/" || $0 == "\\" || $0 == "\0" }) else {
                throw ReportOutputError.unsafeFileName(file.name)
            }
            guard names.insert(file.name).inserted else { throw ReportOutputError.duplicateFileName(file.name) }
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ReportOutputError.writeFailed(path: directory.path, reason: error.localizedDescription)
        }
        return try files.map { file in
            let url = directory.appendingPathComponent(file.name, isDirectory: false)
            do { try file.contents.write(to: url, options: .atomic) } catch {
                throw ReportOutputError.writeFailed(path: url.path, reason: error.localizedDescription)
            }
            return url
        }
    }

    /// Writes each report into its own folder under `directory` (`<directory>/<folder>/`), so
    /// that files of the same name (every report has a `report.html`) do not collide.
    /// - Returns: the paths of every file written, in order.
    /// - Throws: as ``write(_:)``; reports before the failing one stay written.
    @discardableResult
    public static func write(_ reports: [(folder: String, report: Report)], under directory: String,
                             renderers: [any ReportRenderer]) throws -> [URL] {
        try reports.flatMap { entry in
            try ReportOutput(directory: (directory as NSString).appendingPathComponent(entry.folder), renderers: renderers)
                .write(entry.report)
        }
    }
}
