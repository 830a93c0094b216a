import DiversityKit
import Testing
@testable import SurveyModule

@Suite("Pre/post pairing without identity")
struct LinkageCodeTests {
    func r(_ id: String, _ code: String?) -> SurveyResponse {
        SurveyResponse(id: ID(id), questionnaire: QuestionnaireReference(id: "q", version: 1), linkageCode: code, answers: [:])
    }

    @Test("a code is normalised so small typing differences still pair")
    func normalise() {
        #expect(LinkageCode.make(["ma", "07", "14"]) == "MA0714")
        #expect(LinkageCode.normalise(" ma-07.14 ") == "MA0714")
        #expect(LinkageCode.normalise("åsa 3") == "ÅSA3")
    }

    @Test("pre and post tests pair by code; ambiguous and missing codes stay unpaired")
    func pairing() {
        let pre = [r("p1", "MA0714"), r("p2", "ab 12"), r("p3", "DUP"), r("p4", "DUP"), r("p5", nil), r("p6", "ONLYPRE")]
        let post = [r("q1", "ma-0714"), r("q2", "AB12"), r("q3", "DUP"), r("q4", "TWICE"), r("q5", "TWICE")]
        let result = LinkageCode.pair(pre: pre, post: post)
        #expect(result.pairs.map { [$0.pre.id, $0.post.id] } == [["p2", "q2"], ["p1", "q1"]])
        #expect(result.ambiguousCodes == ["DUP", "TWICE"])
        #expect(result.unpairedPre.map(\.id) == ["p3", "p4", "p5", "p6"])
        #expect(result.unpairedPost.map(\.id) == ["q3", "q4", "q5"])
    }

    @Test("the service stores the normalised code on the response")
    func stored() async throws {
        let (service, d, tokens, _) = try await Fixture.service()
        let resp = try await service.submit(ResponseSubmission(token: tokens[0].token, questionnaire: d.questionnaire,
                                                              answers: Fixture.fullAnswers(), linkageCode: "ma 0714"))
        #expect(resp.linkageCode == "MA0714")
    }
}
