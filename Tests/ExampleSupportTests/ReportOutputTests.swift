import DiversityKit
import DiversityKitSQLite
import ExampleSupport
import Foundation
import Testing

struct TitleRenderer: ReportRenderer {
    var name: String
    func render(_ report: Report) throws -> [RenderedFile] { [RenderedFile(name: name, contents: Data(report.title.utf8))] }
}

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("examples-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite("Report output and example store")
struct ReportOutputTests {
    @Test("writes every renderer's files into the directory, creating it")
    func writes() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let dir = root.appendingPathComponent("reports/demo").path
        let urls = try ReportOutput(directory: dir, renderers: [TitleRenderer(name: "a.txt"), TitleRenderer(name: "b.txt")])
            .write(Report(title: "Uppföljning"))
        #expect(urls.map(\.lastPathComponent) == ["a.txt", "b.txt"])
        #expect(try String(contentsOf: urls[0], encoding: .utf8) == "Uppföljning")
    }

    @Test("several reports go to a folder each, so equal file names do not collide")
    func folderPerReport() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let urls = try ReportOutput.write([("projekt", Report(title: "A")), ("uppfoljning", Report(title: "B"))],
                                          under: root.path, renderers: [TitleRenderer(name: "report.txt")])
        #expect(urls.map { $0.deletingLastPathComponent().lastPathComponent } == ["projekt", "uppfoljning"])
        #expect(try String(contentsOf: urls[1], encoding: .utf8) == "B")
    }

    @Test("unsafe or repeated names write nothing", arguments: [["../x.txt"], ["a.txt", "a.txt"], ["a.txt", "b/c.txt"]])
    func refuses(_ names: [String]) throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let dir = root.appendingPathComponent("out").path
        #expect(throws: (any Error).self) { try ReportOutput(directory: dir, renderers: names.map(TitleRenderer.init)).write(Report(title: "x")) }
        #expect(!FileManager.default.fileExists(atPath: dir))
    }

    @Test("a repeated name is its own typed error")
    func duplicate() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(throws: ReportOutputError.duplicateFileName("a.txt")) {
            try ReportOutput(directory: root.path, renderers: [TitleRenderer(name: "a.txt"), TitleRenderer(name: "a.txt")]).write(Report(title: "x"))
        }
    }

    @Test("the standard renderers write HTML, Markdown and a CSV per table")
    func standard() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let table = ReportTable(id: "budget", caption: "Budget", columns: [ReportColumn("Post", isRowHeader: true), ReportColumn("Belopp")],
                                rows: [[.text("ESF-stöd"), .money(Money(kronor: 4_251_631))]])
        let urls = try ReportOutput(directory: root.path, renderers: ReportOutput.standardRenderers)
            .write(Report(title: "Omvänt Mentorskap", sections: [ReportSection(title: "Projektet", blocks: [.table(table)])]))
        #expect(Set(urls.map(\.lastPathComponent)) == ["report.html", "report.md", "budget.csv"])
    }

    @Test("the default store file is replaced by a fresh one on every run")
    func defaultStoreIsFresh() async throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let options = ExampleOptions(storePath: root.appendingPathComponent(".diversitykit/demo.sqlite").path, isDefaultStore: true,
                                     reportsDirectory: root.path, seed: 1, quiet: true)
        let first = try await ExampleStore.openFresh(options)
        try await first.insert(Organisation(id: "org", name: "Org", kind: .municipality))
        await first.close()
        let second = try await ExampleStore.openFresh(options)
        #expect(try await second.count(RecordQuery(type: Organisation.recordType)) == 0)
        await second.close()
    }

    @Test("an existing file given with --store is refused, and a foreign default file is never deleted")
    func refusesExisting() async throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("mine.sqlite").path
        try Data("not a database, but precious".utf8).write(to: URL(fileURLWithPath: path))
        let chosen = ExampleOptions(storePath: path, isDefaultStore: false, reportsDirectory: root.path, seed: 1, quiet: true)
        await #expect(throws: ExampleStoreError.storeFileExists(path: path)) { try await ExampleStore.openFresh(chosen) }
        var asDefault = chosen
        asDefault.isDefaultStore = true
        await #expect(throws: StoreError.self) { try await ExampleStore.openFresh(asDefault) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "not a database, but precious")
    }
}
