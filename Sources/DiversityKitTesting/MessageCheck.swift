import DiversityKit

/// Checks that a ``/DiversityKit/LocalizedMessage`` reads as its readers need: for an
/// embedder's own error types as for the library's.
///
/// A message passes when its Swedish and English texts are not empty, the Swedish text differs
/// from the English one (unless the message has no words to translate), the Swedish text
/// holds none of a few common English words, and both texts name every place given (a file, a
/// line, a field).
///
/// ```swift
/// @Test(arguments: [(MyError.badRow(line: 3), ["rad 3"], ["line 3"])])
/// func reads(_ error: MyError, _ swedish: [String], _ english: [String]) {
///     #expect(MessageCheck.problems(error, swedishNames: swedish, englishNames: english) == [])
/// }
/// ```
public enum MessageCheck {
    /// English words that give away an untranslated Swedish text (matched as whole words).
    public static let englishWords: Set<String> = ["the", "is", "not", "has", "must", "cannot", "already", "does", "of", "and", "with"]

    /// What is wrong with `message`'s texts, in words; empty when it passes.
    /// - Parameters:
    ///   - message: the error or problem to check.
    ///   - swedishNames: texts the Swedish message must contain, such as `"rad 3"` or `"fält 2"`.
    ///   - englishNames: texts the English message must contain, such as `"line 3"`.
    ///   - sameInBothLanguages: `true` for a message with no words to translate.
    public static func problems(_ message: some LocalizedMessage, swedishNames: [String] = [], englishNames: [String] = [],
                                sameInBothLanguages: Bool = false) -> [String] {
        let swedish = message.text(.swedish), english = message.text(.english)
        var problems: [String] = []
        if swedish.isEmpty { problems.append("the Swedish text is empty") }
        if english.isEmpty { problems.append("the English text is empty") }
        if message.description.isEmpty { problems.append("the description is empty") }
        if !sameInBothLanguages && swedish == english { problems.append("the Swedish text is the English one: \(english)") }
        let words = Set(swedish.split { !$0.isLetter }.map { $0.lowercased() })
        let leftovers = words.intersection(englishWords)
        if !leftovers.isEmpty { problems.append("the Swedish text has English words \(leftovers.sorted()): \(swedish)") }
        for name in swedishNames where !swedish.contains(name) { problems.append("the Swedish text does not name \(name): \(swedish)") }
        for name in englishNames where !english.contains(name) { problems.append("the English text does not name \(name): \(english)") }
        return problems
    }
}

/// One message to check with ``MessageCheck``, with the places its texts must name: a
/// parameterised test runs one per case of an error type.
///
/// ```swift
/// static let samples = [MessageSample(CSVError.tooManyRecords(line: 3, limit: 2), sv: ["rad 3"], en: ["line 3"])]
/// @Test(arguments: samples) func reads(_ s: MessageSample<CSVError>) { #expect(s.problems == []) }
/// ```
public struct MessageSample<Message: LocalizedMessage & Sendable>: Sendable, CustomStringConvertible {
    /// The message.
    public var message: Message
    /// Texts the Swedish message must contain.
    public var swedishNames: [String]
    /// Texts the English message must contain.
    public var englishNames: [String]
    /// Whether the message has no words to translate.
    public var sameInBothLanguages: Bool

    /// A sample; `sv` and `en` are what each text must name (`"rad 3"`, `"line 3"`).
    public init(_ message: Message, sv: [String] = [], en: [String] = [], same: Bool = false) {
        self.message = message
        swedishNames = sv
        englishNames = en
        sameInBothLanguages = same
    }

    /// What ``MessageCheck/problems(_:swedishNames:englishNames:sameInBothLanguages:)`` finds; empty when the message passes.
    public var problems: [String] {
        MessageCheck.problems(message, swedishNames: swedishNames, englishNames: englishNames, sameInBothLanguages: sameInBothLanguages)
    }

    /// The message's English text, as test output names the sample.
    public var description: String { message.text(.english) }
}
