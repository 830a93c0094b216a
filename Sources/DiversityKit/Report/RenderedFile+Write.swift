import Foundation

extension RenderedFile {
    /// Writes the file into `directory` (created if missing), replacing a file of the same name
    /// atomically; returns where it was written.
    ///
    /// ```swift
    /// try HTMLRenderer().render(report).write(into: URL(fileURLWithPath: "out"))
    /// ```
    /// - Throws: ``ReportRenderingError/unsafeFileName(_:)`` when ``name`` is empty, `.` or
    ///   `..`, or holds `/`, `\` or NUL; ``ReportRenderingError/writeFailed(path:reason:)``
    ///   when the directory or file cannot be written.
    @discardableResult
    public func write(into directory: URL) throws -> URL {
        guard hasPlainName else { throw ReportRenderingError.unsafeFileName(name) }
        let url = directory.appendingPathComponent(name, isDirectory: false)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try contents.write(to: url, options: .atomic)
        } catch {
            throw ReportRenderingError.writeFailed(path: url.path, reason: error.localizedDescription)
        }
        return url
    }

    /// Whether ``name`` names a file inside a directory rather than a path out of it.
    var hasPlainName: Bool { Self.isPlainFileName(name) }

    /// Whether `name` is one path component: not empty, `.` or `..`, and without `/`, `\\` or NUL.
    ///
    /// Compared as UTF-8 bytes, as the file system sees them: `"../\u{301}x.html"` holds the
    /// `Character` `"/\u{301}"`, which equals no `"/"`, yet its bytes still climb out.
    package static func isPlainFileName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        return !bytes.isEmpty && bytes != [0x2E] && bytes != [0x2E, 0x2E]
            && !bytes.contains { $0 == 0x2F || $0 == 0x5C || $0 == 0 }
    }
}

extension Array where Element == RenderedFile {
    /// Writes every file into `directory`; returns where they were written, in order.
    ///
    /// All names are checked before anything is written, so an unsafe name writes nothing.
    /// - Throws: ``ReportRenderingError/unsafeFileName(_:)`` or
    ///   ``ReportRenderingError/writeFailed(path:reason:)``, as ``RenderedFile/write(into:)``.
    @discardableResult
    public func write(into directory: URL) throws -> [URL] {
        if let unsafe = first(where: { !$0.hasPlainName }) { throw ReportRenderingError.unsafeFileName(unsafe.name) }
        return try map { try $0.write(into: directory) }
    }
}
