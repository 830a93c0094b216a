import DiversityKit

/// A respondent-generated linkage code (självgenererad kod) that pairs a pre-test with a
/// post-test without identity: the respondent builds it from facts only they know, the same
/// way each time — e.g. the first two letters of their mother's first name, the day of the
/// month they were born and the last two digits of their street number: `"MA0714"`.
///
/// A pseudonymous code handed out by the organiser works the same way.
public enum LinkageCode {
    /// The code made from `parts`, normalised.
    ///
    /// ```swift
    /// LinkageCode.make(["ma", "07", "14"]) // "MA0714"
    /// ```
    public static func make(_ parts: [String]) -> String { normalise(parts.joined()) }

    /// Upper case, with whitespace, hyphens and dots removed, so small typing differences still pair.
    public static func normalise(_ code: String) -> String {
        String(code.uppercased().filter { !$0.isWhitespace && $0 != "-" && $0 != "." })
    }

    /// Pairs pre-test with post-test responses by linkage code.
    ///
    /// A code used by more than one response on either side cannot tell people apart: those
    /// responses are left unpaired and the code is reported as ambiguous. Responses without a
    /// code are unpaired.
    public static func pair(pre: [SurveyResponse], post: [SurveyResponse]) -> PrePostPairing {
        func group(_ rs: [SurveyResponse]) -> [String: [SurveyResponse]] {
            Dictionary(grouping: rs.filter { !($0.linkageCode ?? "").isEmpty }) { normalise($0.linkageCode!) }
        }
        let a = group(pre), b = group(post)
        var pairs: [PrePostPairing.Pair] = []
        var ambiguous: Set<String> = []
        var pairedPre: Set<ID<SurveyResponse>> = [], pairedPost: Set<ID<SurveyResponse>> = []
        for code in a.keys.sorted() {
            guard let posts = b[code] else { if a[code]!.count > 1 { ambiguous.insert(code) }; continue }
            let pres = a[code]!
            if pres.count == 1, posts.count == 1 {
                pairs.append(.init(code: code, pre: pres[0], post: posts[0]))
                pairedPre.insert(pres[0].id)
                pairedPost.insert(posts[0].id)
            } else {
                ambiguous.insert(code)
            }
        }
        for (code, posts) in b where posts.count > 1 { ambiguous.insert(code) }
        return PrePostPairing(pairs: pairs, unpairedPre: pre.filter { !pairedPre.contains($0.id) },
                              unpairedPost: post.filter { !pairedPost.contains($0.id) }, ambiguousCodes: ambiguous.sorted())
    }
}

/// Pre-tests paired with post-tests by linkage code.
public struct PrePostPairing: Hashable, Sendable {
    /// One respondent's pre-test and post-test.
    public struct Pair: Hashable, Sendable {
        /// The shared code.
        public var code: String
        /// The pre-test response.
        public var pre: SurveyResponse
        /// The post-test response.
        public var post: SurveyResponse
    }
    /// The pairs, ordered by code.
    public var pairs: [Pair]
    /// Pre-test responses left without a partner.
    public var unpairedPre: [SurveyResponse]
    /// Post-test responses left without a partner.
    public var unpairedPost: [SurveyResponse]
    /// Codes used more than once on a side, sorted.
    public var ambiguousCodes: [String]
}
