import Foundation
import Testing

/// The package root, found from this file.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// One ```swift block of a document, or its compiled copy here: `// snippet: Docs/X.md#n` … `// end snippet`.
struct Snippet: Hashable, CustomStringConvertible {
    var key: String
    var lines: [String]
    /// The line of the first snippet line in its file (the compiled copy's source line, for print checks).
    var firstLine: Int
    var description: String { key }

    /// The text compared: `import` lines left out (the test file imports them), common
    /// indentation and trailing spaces removed, blank lines at both ends dropped.
    var normalised: [String] {
        var body = lines.filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("import ") }
            .map { String($0.reversed().drop { $0 == " " }.reversed()) }
        while body.first?.isEmpty == true { body.removeFirst() }
        while body.last?.isEmpty == true { body.removeLast() }
        let indent = body.filter { !$0.isEmpty }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
        return body.map { $0.isEmpty ? $0 : String($0.dropFirst(indent)) }
    }
}

enum Snippets {
    /// The documents whose Swift snippets must compile.
    static var documents: [String] {
        let docs = (try? FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("Docs").path)) ?? []
        return ["README.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "Docs/" + $0 }
    }

    /// Package.swift excerpts: not compilable on their own; their product names are checked against the manifest.
    static let manifestExcerpts: Set<String> = ["Docs/GettingStarted.md#1"]

    /// Every ```swift block of the documents, keyed `Docs/X.md#n` (n from 1 in document order).
    static func inDocuments() throws -> [String: Snippet] {
        var result: [String: Snippet] = [:]
        for document in documents {
            let text = try String(contentsOf: packageRoot.appendingPathComponent(document), encoding: .utf8)
            var index = 0
            var current: [String]?
            var start = 0
            for (n, line) in text.components(separatedBy: "\n").enumerated() {
                let fence = line.trimmingCharacters(in: .whitespaces)
                if current == nil, fence == "```swift" {
                    index += 1
                    current = []
                    start = n + 2
                } else if current != nil, fence == "```" {
                    let key = "\(document)#\(index)"
                    result[key] = Snippet(key: key, lines: current!, firstLine: start)
                    current = nil
                } else if current != nil {
                    current!.append(line)
                }
            }
        }
        return result
    }

    /// Every compiled copy in this test target's sources.
    static func compiled() throws -> [String: Snippet] {
        let directory = packageRoot.appendingPathComponent("Tests/DocSnippetsTests")
        var result: [String: Snippet] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() where file.hasSuffix(".swift") {
            let lines = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8).components(separatedBy: "\n")
            var current: (key: String, start: Int, lines: [String])?
            for (n, line) in lines.enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("// snippet: ") {
                    current = (String(trimmed.dropFirst("// snippet: ".count)), n + 2, [])
                } else if trimmed == "// end snippet", let c = current {
                    result[c.key] = Snippet(key: c.key, lines: c.lines, firstLine: c.start)
                    current = nil
                } else if current != nil {
                    current!.lines.append(line)
                }
            }
        }
        return result
    }
}

@Suite("Documentation snippets")
struct SnippetCheckTests {
    @Test("every Swift snippet in README.md and Docs/ has a compiled copy in this target, word for word")
    func everySnippetIsCompiled() throws {
        let documents = try Snippets.inDocuments(), compiled = try Snippets.compiled()
        #expect(documents.count >= 20)
        for (key, snippet) in documents.sorted(by: { $0.key < $1.key }) where !Snippets.manifestExcerpts.contains(key) {
            guard let copy = compiled[key] else {
                Issue.record("\(key) (line \(snippet.firstLine)) has no compiled copy: add `// snippet: \(key)` … `// end snippet` to Tests/DocSnippetsTests")
                continue
            }
            #expect(copy.normalised == snippet.normalised, "\(key) differs from its compiled copy")
        }
        for key in compiled.keys.sorted() where documents[key] == nil {
            Issue.record("\(key) is compiled here but is no longer in the documents")
        }
    }

    @Test("the Package.swift excerpts name products this package has")
    func manifestExcerpts() throws {
        let documents = try Snippets.inDocuments()
        let manifest = try String(contentsOf: packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(manifest.contains("name: \"DiversityKit\""))
        for key in Snippets.manifestExcerpts {
            let text = try #require(documents[key]).lines.joined(separator: "\n")
            let products = text.components(separatedBy: ".product(name: \"").dropFirst().map { $0.prefix { $0 != "\"" } }
            #expect(!products.isEmpty)
            for product in products { #expect(manifest.contains(".library(name: \"\(product)\""), "\(key): \(product)") }
            #expect(text.contains("package: \"DiversityKit\""))
        }
    }
}

// MARK: What snippets print

/// What the snippets printed, in order.
final class PrintedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func record(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        lines.append(text)
    }

    var output: String {
        lock.lock()
        defer { lock.unlock() }
        return lines.joined(separator: "\n")
    }

    @TaskLocal static var current: PrintedLines?
}

/// The snippets' `print` (it shadows the standard library's in this module): records what is
/// printed while a snippet runs under ``expectPrints(_:_:)``, and prints it as well.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { "\($0)" }.joined(separator: separator)
    PrintedLines.current?.record(text)
    Swift.print(text, terminator: terminator)
}

/// Runs `body` — a function holding the compiled copy of `key` — and checks that every `print`
/// in the snippet with a comment (on its line, or a comment line right after it) printed that
/// text, in the order of the snippet; `…` in a comment stands for anything, and an explanation
/// after ` — ` is not compared.
func expectPrints(_ key: String, _ body: () async throws -> Void) async throws {
    let snippet = try #require(try Snippets.compiled()[key])
    let recorder = PrintedLines()
    try await PrintedLines.$current.withValue(recorder) { try await body() }
    let output = recorder.output
    var rest = output[...]
    var checked = 0
    for (offset, line) in snippet.lines.enumerated() where line.contains("print(") {
        var comment: String?
        if let range = line.range(of: "// ", options: .backwards), !line[range.upperBound...].contains("print(") {
            comment = String(line[range.upperBound...])
        } else if offset + 1 < snippet.lines.count {
            let next = snippet.lines[offset + 1].trimmingCharacters(in: .whitespaces)
            if next.hasPrefix("// ") { comment = String(next.dropFirst(3)) }
        }
        guard let comment = comment.map({ $0.components(separatedBy: " — ")[0] }) else { continue }
        checked += 1
        for fragment in comment.components(separatedBy: "…").map({ $0.trimmingCharacters(in: .whitespaces) }) where !fragment.isEmpty {
            guard let found = rest.range(of: fragment) else {
                Issue.record("\(key): `\(line.trimmingCharacters(in: .whitespaces))` should print `\(comment)`; the snippet printed:\n\(output)")
                break
            }
            rest = rest[found.upperBound...]
        }
    }
    #expect(checked > 0, "\(key) has no print with a comment to check")
}
