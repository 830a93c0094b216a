/// How deeply sections may nest, and a walk over them that needs no recursion.
///
/// A report read from JSON or built by an embedder may nest sections arbitrarily deep; a
/// recursive renderer would run out of stack long before memory. Every built-in renderer and
/// ``JSONRenderer/decode(_:maximumSectionDepth:)`` refuses a report deeper than its bound with
/// ``ReportRenderingError/nestingTooDeep(depth:limit:)``, and walks sections with a loop.
extension Report {
    /// The bound on section nesting the built-in renderers and the JSON reader use unless told
    /// otherwise: 32 levels (headings stop at h6 after five).
    public static let defaultMaximumSectionDepth = 32

    /// How deeply sections nest: 0 without sections, 1 when no section has subsections.
    public var sectionDepth: Int {
        var deepest = 0
        Self.forEachSection(in: sections) { _, depth in deepest = Swift.max(deepest, depth + 1) }
        return deepest
    }

    /// Throws unless ``sectionDepth`` is at most `limit`.
    /// - Throws: ``ReportRenderingError/nestingTooDeep(depth:limit:)``.
    public func checkSectionDepth(limit: Int) throws {
        let depth = sectionDepth
        guard depth <= limit else { throw ReportRenderingError.nestingTooDeep(depth: depth, limit: limit) }
    }

    /// Visits `sections` and all their subsections depth first in reading order, without
    /// recursion: `enter` before a section's subsections, `exit` after them; depth 0 is the top.
    static func forEachSection(in sections: [ReportSection], enter: (ReportSection, Int) throws -> Void) rethrows {
        try forEachSection(in: sections, enter: enter, exit: { _, _ in })
    }

    /// As ``forEachSection(in:enter:)``, calling `exit` once a section's subsections are done.
    static func forEachSection(in sections: [ReportSection], enter: (ReportSection, Int) throws -> Void,
                               exit: (ReportSection, Int) throws -> Void) rethrows {
        var stack: [(section: ReportSection, depth: Int, next: Int)] = []
        for root in sections {
            try enter(root, 0)
            stack.append((root, 0, 0))
            while let top = stack.last {
                if top.next < top.section.subsections.count {
                    stack[stack.count - 1].next += 1
                    let child = top.section.subsections[top.next]
                    try enter(child, top.depth + 1)
                    stack.append((child, top.depth + 1, 0))
                } else {
                    stack.removeLast()
                    try exit(top.section, top.depth)
                }
            }
        }
    }
}

extension CodingUserInfoKey {
    /// The `Int` bound on section nesting a ``ReportSection`` decoder enforces.
    static let maximumSectionDepth = CodingUserInfoKey(rawValue: "DiversityKit.maximumSectionDepth")!
}
