import Testing
@testable import SurveyModule

@Suite("Response validation")
struct ResponseValidationTests {
    static let cases: [(String, [String: Answer], ResponseIssue)] = {
        func with(_ change: (inout [String: Answer]) -> Void) -> [String: Answer] {
            var a = Fixture.fullAnswers()
            change(&a)
            return a
        }
        return [
            ("missing required item", with { $0["L1"] = nil }, .missingRequired(item: "L1")),
            ("Likert out of range", with { $0["L3"] = .value(6) }, .outOfRange(item: "L3", value: 6, allowed: 1...5)),
            ("numeric out of range", with { $0["N1"] = .value(-1) }, .outOfRange(item: "N1", value: -1, allowed: 0...50)),
            ("code not an option", with { $0["K1"] = .value(3) }, .notAnOption(item: "K1", value: 3)),
            ("unknown item", with { $0["ZZ"] = .value(1) }, .unknownItem("ZZ")),
            ("text too long", with { $0["T1"] = .text(String(repeating: "å", count: 21)) }, .textTooLong(item: "T1", length: 21, maximum: 20)),
            ("too many choices", with { $0["M1"] = .values([1, 2, 3]) }, .invalidSelection(item: "M1", reason: "3 chosen, at most 2 allowed")),
            ("a choice twice", with { $0["M1"] = .values([1, 1]) }, .invalidSelection(item: "M1", reason: "an option is chosen twice")),
            ("text for a Likert item", with { $0["L4"] = .text("4") }, .wrongAnswerKind(item: "L4", expected: "one integer code")),
            ("a number for a multiple choice", with { $0["M1"] = .value(1) }, .wrongAnswerKind(item: "M1", expected: "a list of option codes")),
        ]
    }()

    @Test("each kind of invalid answer is reported with its item", arguments: cases)
    func invalid(_ name: String, _ answers: [String: Answer], _ expected: ResponseIssue) {
        #expect(Fixture.small().issues(in: answers, partial: false) == [expected])
        #expect(throws: SurveyError.invalidResponse([expected])) { try Fixture.small().validate(answers, partial: false) }
    }

    @Test("a valid response has no issues; a partial one may skip required items but not break ranges")
    func partial() {
        let q = Fixture.small()
        #expect(q.issues(in: Fixture.fullAnswers(), partial: false).isEmpty)
        #expect(q.issues(in: ["L3": .value(2)], partial: true).isEmpty)
        #expect(q.issues(in: ["L3": .value(2)], partial: false) == [.missingRequired(item: "L1"), .missingRequired(item: "L2")])
        #expect(q.issues(in: ["L3": .value(9)], partial: true) == [.outOfRange(item: "L3", value: 9, allowed: 1...5)])
    }

    @Test("several issues are all reported, in item order")
    func several() {
        let issues = Fixture.small().issues(in: ["L2": .value(0), "N1": .value(99), "Q": .value(1)], partial: false)
        #expect(issues.map(\.item) == ["L1", "L2", "N1", "Q"])
    }
}
