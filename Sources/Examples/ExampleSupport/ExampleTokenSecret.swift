import SurveyModule

/// The token secret the examples use, fixed so their runs repeat.
///
/// **Examples only.** A real installation generates its own once (`TokenSecret.generate()`), keeps it
/// outside the database (a secret manager or an environment variable) and passes it to every
/// `SurveyService` over the store (see `Docs/Privacy.md`).
public enum ExampleTokenSecret {
    /// 32 fixed bytes: never use them outside the examples.
    public static let value: TokenSecret = {
        do { return try TokenSecret(bytes: Array("DiversityKit example secret 2026".utf8)) } catch { fatalError("32 bytes are enough") }
    }()
}

extension SurveyService {
    /// The responses to `reference` in a fixed order (by unit, then answers). The store returns rows in an
    /// order that carries nothing (shuffled batches, unordered ids), and sums of doubles depend on the
    /// order, so example runs would differ in the last digits otherwise.
    public func responsesInFixedOrder(to reference: QuestionnaireReference) async throws -> [SurveyResponse] {
        func signature(_ r: SurveyResponse) -> String {
            r.answers.keys.sorted().map { code in
                switch r.answers[code]! {
                case .value(let v): return "\(code)=\(v)"
                case .values(let v): return "\(code)=\(v)"
                case .text(let t): return "\(code)=\(t)"
                case .cells(let c): return "\(code)=" + c.keys.sorted().map { "\($0):\(c[$0]!)" }.joined(separator: ",")
                }
            }.joined(separator: ";")
        }
        return try await responses(to: reference)
            .map { (unit: $0.reportingUnit?.rawValue ?? "", key: signature($0), response: $0) }
            .sorted { ($0.unit, $0.key) < ($1.unit, $1.key) }
            .map(\.response)
    }
}
