/// One question (fråga) of a questionnaire, identified by a code unique within it.
///
/// ```swift
/// let item = Item(code: "A01",
///                 prompt: LocalizedText(sv: "Jag trivs på min arbetsplats.", en: "I enjoy my workplace."),
///                 kind: .likert(scale: .agreement5, reverseCoded: false))
/// ```
public struct Item: Codable, Hashable, Sendable {
    /// The item's code, unique within its questionnaire: the CSV column name (e.g. `"K01"`).
    public var code: String
    /// The question as shown.
    public var prompt: LocalizedText
    /// What kind of answer it takes.
    public var kind: ItemKind
    /// Whether a complete response must answer it.
    public var isRequired: Bool
    /// Whether its answers are sensitive personal data (a discrimination ground, experienced
    /// discrimination): such items are only allowed in anonymous distributions.
    public var isSensitive: Bool

    /// Creates an item.
    public init(code: String, prompt: LocalizedText, kind: ItemKind, isRequired: Bool = false, isSensitive: Bool = false) {
        self.code = code
        self.prompt = prompt
        self.kind = kind
        self.isRequired = isRequired
        self.isSensitive = isSensitive
    }

    /// Whether the item is a Likert item.
    public var isLikert: Bool { if case .likert = kind { return true } else { return false } }

    /// The integer codes a single-valued answer may take, or `nil` for multiple choice and free text.
    public var validCodes: ClosedRange<Int>? {
        switch kind {
        case .likert(let scale, _): return scale.codes
        case .numeric(let range, _): return range
        case .singleChoice(let options), .demographic(let options):
            return options.isEmpty ? nil : options.map(\.code).min()!...options.map(\.code).max()!
        case .knowledge(let k): return k.options.isEmpty ? nil : k.options.map(\.code).min()!...k.options.map(\.code).max()!
        case .multipleChoice, .freeText: return nil
        }
    }
}

/// The kind of answer an ``Item`` takes. Every single-valued answer is an integer code.
public enum ItemKind: Codable, Hashable, Sendable {
    /// A point on a declared Likert scale; reverse-coded items are flipped before scale scoring.
    case likert(scale: LikertScale, reverseCoded: Bool)
    /// Exactly one of `options`.
    case singleChoice(options: [AnswerOption])
    /// Any number of `options`, at most `maxSelections` when given.
    case multipleChoice(options: [AnswerOption], maxSelections: Int?)
    /// A whole number in `range` (e.g. years of employment), with an optional unit label.
    case numeric(range: ClosedRange<Int>, unit: LocalizedText?)
    /// Free text of at most `maxLength` characters.
    case freeText(maxLength: Int)
    /// A knowledge question (kunskapsfråga) with one correct option, informing a training topic.
    case knowledge(KnowledgeQuestion)
    /// A background question (bakgrundsfråga); mark the item sensitive when it touches a ground.
    case demographic(options: [AnswerOption])

    /// The options of a choice, knowledge or demographic item; empty otherwise.
    public var options: [AnswerOption] {
        switch self {
        case .singleChoice(let o), .multipleChoice(let o, _), .demographic(let o): return o
        case .knowledge(let k): return k.options
        case .likert, .numeric, .freeText: return []
        }
    }
}

/// One answer option: the integer code stored and exported, and its label.
public struct AnswerOption: Codable, Hashable, Sendable {
    /// The value code (e.g. `1`), unique within its item.
    public var code: Int
    /// What the respondent sees.
    public var label: LocalizedText

    /// Creates an option.
    public init(code: Int, label: LocalizedText) {
        self.code = code
        self.label = label
    }
}

/// A knowledge question: options, the correct option's code and the topic it tests.
public struct KnowledgeQuestion: Codable, Hashable, Sendable {
    /// The options.
    public var options: [AnswerOption]
    /// The code of the correct option (rätt svar).
    public var correct: Int
    /// The training topic the question tests.
    public var topic: TrainingTopic

    /// Creates a knowledge question.
    public init(options: [AnswerOption], correct: Int, topic: TrainingTopic) {
        self.options = options
        self.correct = correct
        self.topic = topic
    }
}

/// A declared Likert scale: consecutive integer points from ``minimum``, each with a label.
///
/// ```swift
/// LikertScale.agreement5.maximum // 5
/// ```
public struct LikertScale: Codable, Hashable, Sendable {
    /// The scale's name, e.g. `"agreement5"`.
    public var name: String
    /// The lowest point's value.
    public var minimum: Int
    /// Labels of the points from ``minimum`` upwards.
    public var labels: [LocalizedText]

    /// Creates a scale; its maximum is `minimum + labels.count - 1`.
    public init(name: String, minimum: Int = 1, labels: [LocalizedText]) {
        self.name = name
        self.minimum = minimum
        self.labels = labels
    }

    /// The codes a valid scale may use: those of a 32-bit response matrix column except
    /// `Int32.min`, which is ``ResponseMatrix/missing``.
    public static let allowedCodes = (Int(Int32.min) + 1)...Int(Int32.max)

    /// The highest point's value, `minimum + labels.count - 1`, never below ``minimum`` (so
    /// `minimum...maximum` is always a range) and saturating at `Int.max` instead of
    /// overflowing; ``Questionnaire/validate()`` refuses scales where either matters.
    public var maximum: Int {
        let (value, overflow) = minimum.addingReportingOverflow(max(labels.count - 1, 0))
        return overflow ? .max : value
    }

    /// The codes of the points, ``minimum``…``maximum``, or `nil` for a scale without points.
    public var codes: ClosedRange<Int>? { labels.isEmpty ? nil : minimum...maximum }

    /// Whether the scale has two points or more, all within ``allowedCodes``.
    public var isValid: Bool {
        labels.count >= 2 && Self.allowedCodes.contains(minimum) && Self.allowedCodes.contains(maximum)
    }

    /// The value a reverse-coded answer counts as: `minimum + maximum - value` (saturating, for
    /// scales ``Questionnaire/validate()`` refuses).
    public func reversed(_ value: Int) -> Int {
        let (sum, o1) = minimum.addingReportingOverflow(maximum)
        let (result, o2) = sum.subtractingReportingOverflow(value)
        guard !o1, !o2 else { return value }
        return result
    }

    /// Five points from "Instämmer inte alls" (1) to "Instämmer helt" (5).
    public static let agreement5 = LikertScale(name: "agreement5", labels: [
        LocalizedText(sv: "Instämmer inte alls", en: "Strongly disagree"),
        LocalizedText(sv: "Instämmer delvis inte", en: "Disagree"),
        LocalizedText(sv: "Varken eller", en: "Neither agree nor disagree"),
        LocalizedText(sv: "Instämmer delvis", en: "Agree"),
        LocalizedText(sv: "Instämmer helt", en: "Strongly agree"),
    ])

    /// Five points from "Aldrig" (1) to "Mycket ofta" (5).
    public static let frequency5 = LikertScale(name: "frequency5", labels: [
        LocalizedText(sv: "Aldrig", en: "Never"),
        LocalizedText(sv: "Sällan", en: "Rarely"),
        LocalizedText(sv: "Ibland", en: "Sometimes"),
        LocalizedText(sv: "Ofta", en: "Often"),
        LocalizedText(sv: "Mycket ofta", en: "Very often"),
    ])
}
