import Foundation
import Testing

/// Every example's HTML reports opened in headless Chromium, the way the steering group, the
/// funder and the data-protection officer will open them: they must fit a 1 280 px window and an
/// A4 page, print on A4, show every chart label whole and, being Swedish, contain no English
/// developer words and no record keys.
///
/// Chromium comes from Debian's `chromium` package (installed by `.ci/run`); without it the
/// check is skipped with that reason. Screenshots (PNG) and prints (PDF) of every report are
/// kept under `.build/report-check/` for people to look at.
@Suite("Example reports in a browser")
struct BrowserCheckTests {
    /// The Chromium executable on `PATH`, if any.
    static let browser: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser", "google-chrome"] {
                let url = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
            }
        }
        return nil
    }()

    /// The examples and the arguments that keep their runs quiet and inside `directory`.
    static let examples = ["MDSS", "Likabehandling", "OmvantMentorskap", "RegionalProject", "MangfaldensAnsikten"]

    /// Widths the pages must fit: a 1 280 px window, and A4's printable width (210 mm less 2 × 15 mm
    /// margins at 96 px per inch).
    static let widths = [1280, 680]

    /// English words that belong to code and logs, never to a Swedish report.
    static let developerWords = ["ValidationError", "ToolkitError", "flagged", "criterion", "not met", "has no ",
                                 "prerequisite", "Optional(", "error:", "sharedPerspectives", "availabilityOverlap",
                                 "crossOrganisation", "sharedLanguage"]

    @Test("every example's HTML report fits 1 280 px and A4, prints on A4, shows chart labels whole and is Swedish throughout",
          .enabled(if: browser != nil, "Chromium is not installed (apt-get install chromium); the browser check is skipped"))
    func examplesInBrowser() throws {
        let browser = try #require(Self.browser)
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let out = package.appendingPathComponent(".build/report-check", isDirectory: true)
        try? FileManager.default.removeItem(at: out)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)

        for example in Self.examples {
            let run = try ExampleProgramTests.run(example, ["--quiet", "--store", "\(example).sqlite", "--reports", "reports/\(example)"], in: out)
            try #require(run.status == 0, "\(example) failed: \(run.stderr)")
        }
        let pages = try FileManager.default.subpathsOfDirectory(atPath: out.appendingPathComponent("reports").path)
            .filter { $0.hasSuffix("report.html") }.sorted()
        #expect(pages.count >= Self.examples.count * 3)

        // Text: no developer English, no record keys in the Swedish reports.
        for page in pages {
            let html = try String(contentsOf: out.appendingPathComponent("reports/\(page)"), encoding: .utf8)
            guard html.contains("lang=\"sv\"") else { continue }
            let text = Self.visibleText(html)
            for word in Self.developerWords {
                #expect(!text.contains(word), "\(page) contains “\(word)”")
            }
            let keys = Self.recordKeyLike(text)
            #expect(keys.isEmpty, "\(page) shows record keys: \(keys.prefix(5).joined(separator: ", "))")
        }

        // Layout: one browser run measures every page at both widths inside frames.
        let results = try measure(pages: pages, in: out, browser: browser)
        #expect(results.count == pages.count * Self.widths.count)
        for result in results {
            #expect(result.problems.isEmpty, "\(result.name) at \(result.width) px: \(result.problems.prefix(5).joined(separator: " | "))")
        }

        // Print and screenshot each page, a few at a time; every print must be A4.
        let heights = Dictionary(results.filter { $0.width == Self.widths[0] }.map { ($0.name, $0.height) }, uniquingKeysWith: { a, _ in a })
        let shots = out.appendingPathComponent("screenshots", isDirectory: true)
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        let jobs = pages.map { page -> (page: String, pdf: URL, png: URL, height: Int) in
            let base = page.replacingOccurrences(of: "/report.html", with: "").replacingOccurrences(of: "/", with: "-")
            return (page, shots.appendingPathComponent(base + ".pdf"), shots.appendingPathComponent(base + ".png"),
                    min(max(heights[page] ?? 2000, 600), 8_000))
        }
        var index = 0
        while index < jobs.count {
            let batch = jobs[index..<min(index + 3, jobs.count)]
            let processes = try batch.map { job in
                try Self.start(browser, ["--window-size=1280,\(job.height)", "--screenshot=\(job.png.path)",
                                         "--no-pdf-header-footer", "--print-to-pdf=\(job.pdf.path)",
                                         out.appendingPathComponent("reports/\(job.page)").absoluteString])
            }
            for process in processes { process.waitUntilExit() }
            index += batch.count
        }
        for job in jobs {
            let pdf = try Data(contentsOf: job.pdf)
            let size = try #require(Self.pageSize(pdf), "\(job.page): no page size in the PDF")
            #expect(abs(size.width - 595.3) < 2 && abs(size.height - 841.9) < 2,
                    "\(job.page) prints on \(size.width) × \(size.height) pt, not A4 (595 × 842 pt)")
            #expect(FileManager.default.fileExists(atPath: job.png.path), "\(job.page): no screenshot")
        }
    }

    @Test("the text checks catch what they are for")
    func textChecksCatch() {
        #expect(Self.recordKeyLike("Par omvant-2012/omv-mentor-01+omv-adept-22 och utbildningsdag-01.") ==
                ["omvant-2012/omv-mentor-01+omv-adept-22", "utbildningsdag-01"])
        #expect(Self.recordKeyLike("ESF-stöd, e-post, 18–29 år, 2012-02-01, Fråga–skala, Kick-off").isEmpty)
        #expect(Self.visibleText("<p>a &lt; b<span title=\"x-y\">c</span></p><style>p-q { }</style><td>1</td><td>2</td>") == "a < b c 1 2")
        #expect(Self.recordKeyLike("Medborgare/brukare/kund och medborgare/brukare/kund").isEmpty)
        #expect(Self.recordKeyLike("Projekt sdk-barn-utbildning") == ["sdk-barn-utbildning"])
    }

    // MARK: - Helpers

    struct Measurement: Decodable {
        var name: String
        var width: Int
        var height: Int
        var problems: [String]
    }

    /// Loads every page into frames of each width and runs ``checkScript`` over them.
    func measure(pages: [String], in out: URL, browser: URL) throws -> [Measurement] {
        var page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"/></head><body>"
        for name in pages {
            let html = try String(contentsOf: out.appendingPathComponent("reports/\(name)"), encoding: .utf8)
            let attribute = html.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            for width in Self.widths {
                page += "<iframe data-name=\"\(name)\" style=\"width:\(width)px;height:800px;border:0\" srcdoc=\"\(attribute)\"></iframe>"
            }
        }
        page += "<script>window.addEventListener('load', function () {\(Self.checkScript)});</script></body></html>"
        let file = out.appendingPathComponent("check.html")
        try page.write(to: file, atomically: true, encoding: .utf8)
        let process = try Self.start(browser, ["--window-size=1400,900", "--virtual-time-budget=30000", "--dump-dom", file.absoluteString],
                                     output: true)
        let dom = String(decoding: (process.standardOutput as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let marker = "<pre id=\"check-result\">"
        guard let start = dom.range(of: marker), let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex),
              let json = String(dom[start.upperBound..<end.lowerBound]).removingPercentEncoding else {
            Issue.record("the browser gave no result; its output began: \(dom.prefix(300))")
            return []
        }
        return try JSONDecoder().decode([Measurement].self, from: Data(json.utf8))
    }

    /// Starts headless Chromium with `arguments`; stderr is discarded.
    static func start(_ browser: URL, _ arguments: [String], output: Bool = false) throws -> Process {
        let process = Process()
        process.executableURL = browser
        // --no-sandbox: CI containers run as root; a fresh profile so parallel runs do not share one.
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)")
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1",
                             "--user-data-dir=\(profile.path)", "--no-first-run"] + arguments
        process.standardError = FileHandle.nullDevice
        process.standardOutput = output ? Pipe() : FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The first page's MediaBox of a PDF, in points.
    static func pageSize(_ pdf: Data) -> (width: Double, height: Double)? {
        let text = String(decoding: pdf, as: UTF8.self)
        guard let range = text.range(of: "/MediaBox [") else { return nil }
        let numbers = text[range.upperBound...].prefix(80).split(separator: "]")[0].split(separator: " ").compactMap { Double($0) }
        guard numbers.count == 4 else { return nil }
        return (numbers[2] - numbers[0], numbers[3] - numbers[1])
    }

    /// The text a reader sees: elements' content without tags, styles or scripts; entities decoded.
    static func visibleText(_ html: String) -> String {
        var text = html
        for tag in ["style", "script", "title", "desc"] {
            while let open = text.range(of: "<\(tag)"), let close = text.range(of: "</\(tag)>", range: open.upperBound..<text.endIndex) {
                text.removeSubrange(open.lowerBound..<close.upperBound)
            }
        }
        // Every tag ends a word: table cells and list items must not run together.
        text = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression).trimmingCharacters(in: .whitespaces)
    }

    /// Lower-case slugs joined by `-`, `_`, `/` or `+` with a digit or two `-`/`_`, as record keys
    /// look (`utbildningsdag-01`, `sdk-barn-utbildning`, `omvant-2012/omv-mentor-01+omv-adept-22`);
    /// Swedish compounds such as "ESF-stöd", "e-post" or "medborgare/brukare/kund" do not match.
    static func recordKeyLike(_ text: String) -> [String] {
        let pattern = "(?<![\\p{L}\\p{N}-])[a-z][a-z0-9]*(?:[-_/+][a-z0-9]+)+(?![\\p{L}\\p{N}])"
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) }
            .filter { key in key.contains { $0.isNumber } || key.filter { "-_".contains($0) }.count >= 2 }
    }

    /// Runs in the check page: for each frame, horizontal overflow, and per chart whether every
    /// category in its data table appears whole as a label inside the drawing.
    static let checkScript = #"""
    function norm(s) { return s.replace(/\s+/g, ' ').trim(); }
    function check(frame) {
      var d = frame.contentDocument, w = frame.clientWidth, problems = [];
      var sw = d.documentElement.scrollWidth;
      if (sw > w + 1) {
        var wide = [];
        d.querySelectorAll('table, figure, svg, p, pre, ul, h1, h2, h3, h4').forEach(function (e) {
          var r = e.getBoundingClientRect();
          if (r.right > w + 1 && wide.length < 5) {
            var c = e.querySelector('caption');
            wide.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' + Math.round(r.right) + 'px' + (c ? ' ' + norm(c.textContent).slice(0, 60) : ''));
          }
        });
        problems.push('overflow ' + sw + 'px: ' + wide.join('; '));
      }
      d.querySelectorAll('figure.chart-figure').forEach(function (f) {
        var svg = f.querySelector('svg'), box = svg.getBoundingClientRect(), shown = [];
        svg.querySelectorAll('text.category').forEach(function (t) {
          var parts = [];
          t.querySelectorAll('tspan').forEach(function (s) { parts.push(s.textContent); });
          shown.push(norm(parts.length ? parts.join(' ') : t.textContent));
        });
        f.querySelectorAll('table.chart-data tbody tr').forEach(function (tr) {
          var th = tr.querySelector('th');
          if (th && shown.indexOf(norm(th.textContent)) < 0) problems.push(f.id + ': label not shown whole: ' + norm(th.textContent));
        });
        svg.querySelectorAll('text').forEach(function (t) {
          var r = t.getBoundingClientRect();
          if (r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1)) problems.push(f.id + ': text outside the drawing: ' + norm(t.textContent));
          if (/…$/.test(norm(t.textContent))) problems.push(f.id + ': cut label: ' + norm(t.textContent));
        });
      });
      return { name: frame.getAttribute('data-name'), width: w, height: d.documentElement.scrollHeight, problems: problems };
    }
    var results = Array.prototype.slice.call(document.querySelectorAll('iframe')).map(check);
    var pre = document.createElement('pre');
    pre.id = 'check-result';
    pre.textContent = encodeURIComponent(JSON.stringify(results));
    document.body.appendChild(pre);
    """#
}
