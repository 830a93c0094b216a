import DiversityKit
import Foundation

// Writes the sample report (invented figures) in every built-in format, for reviewers and
// for Scripts/screenshot-report.sh.
//
//     swift run ReportSample [output-directory] [sv|en]
let usage = """
    usage: ReportSample [OUTPUT-DIRECTORY] [sv|en]

    Writes the sample report (invented figures) as HTML, Markdown, JSON and CSV into
    OUTPUT-DIRECTORY (default ./report-sample), in Swedish (sv, the default) or English (en).
    """
let arguments = CommandLine.arguments.dropFirst()
if arguments.contains("--help") || arguments.contains("-h") {
    print(usage)
    exit(0)
}
if let option = arguments.first(where: { $0.hasPrefix("-") }) {
    FileHandle.standardError.write(Data("error: unknown option \(option)\n\n\(usage)\n".utf8))
    exit(2)
}
if arguments.count > 2 {
    FileHandle.standardError.write(Data("error: too many arguments\n\n\(usage)\n".utf8))
    exit(2)
}
let directory = URL(fileURLWithPath: arguments.first ?? "report-sample", isDirectory: true)
let languageCode = arguments.dropFirst().first ?? "sv"
guard let language = ReportLanguage(rawValue: languageCode) else {
    FileHandle.standardError.write(Data("unknown language \"\(languageCode)\": use sv or en\n".utf8))
    exit(2)
}

let report = Report.sample(language: language)
let renderers: [any ReportRenderer] = [
    HTMLRenderer(), MarkdownRenderer(), JSONRenderer(),
    CSVRenderer(separator: language == .swedish ? .semicolon : .comma, includeBOM: true),
]
do {
    for renderer in renderers {
        for url in try renderer.render(report).write(into: directory) { print(url.path) }
    }
} catch {
    FileHandle.standardError.write(Data("ReportSample: \(language == .swedish ? "fel" : "error"): \(language.message(for: error))\n".utf8))
    exit(1)
}
