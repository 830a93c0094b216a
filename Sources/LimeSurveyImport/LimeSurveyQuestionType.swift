/// A LimeSurvey question type (the one-character `type` of a question row) and what it becomes.
///
/// ```swift
/// LimeSurveyQuestionType(rawValue: "F")?.conversion   // .likertArray
/// LimeSurveyQuestionType.ranking.conversion           // .unsupported("a ranking …")
/// ```
public enum LimeSurveyQuestionType: String, Codable, Hashable, Sendable, CaseIterable {
    /// `F` Array (flexible labels): one Likert item per sub-question on the answer options.
    case arrayFlexible = "F"
    /// `H` Array by column: as `F`.
    case arrayByColumn = "H"
    /// `A` Array (5 point choice).
    case arrayFivePoint = "A"
    /// `B` Array (10 point choice).
    case arrayTenPoint = "B"
    /// `E` Array (increase/same/decrease): a three-point Likert item per sub-question.
    case arrayIncreaseSameDecrease = "E"
    /// `C` Array (yes/no/uncertain): a single choice per sub-question.
    case arrayYesNoUncertain = "C"
    /// `1` Array dual scale.
    case arrayDualScale = "1"
    /// `:` Array (numbers): a numeric item per cell, coded `Q[Y_X]`.
    case arrayNumbers = ":"
    /// `;` Array (texts): a free-text item per cell, coded `Q[Y_X]`.
    case arrayTexts = ";"
    /// `5` 5 point choice: a single Likert item.
    case fivePointChoice = "5"
    /// `L` List (radio): single choice.
    case listRadio = "L"
    /// `!` List (dropdown): single choice.
    case listDropdown = "!"
    /// `O` List with comment: single choice; the comment is not kept.
    case listWithComment = "O"
    /// `M` Multiple choice.
    case multipleChoice = "M"
    /// `P` Multiple choice with comments: multiple choice; the comments are not kept.
    case multipleChoiceWithComments = "P"
    /// `N` Numerical input.
    case numeric = "N"
    /// `K` Multiple numerical input: a numeric item per sub-question.
    case multipleNumeric = "K"
    /// `S` Short free text.
    case shortText = "S"
    /// `T` Long free text.
    case longText = "T"
    /// `U` Huge free text.
    case hugeText = "U"
    /// `Q` Multiple short text: a free-text item per sub-question.
    case multipleShortText = "Q"
    /// `G` Gender (kön): a sensitive background question.
    case gender = "G"
    /// `Y` Yes/No.
    case yesNo = "Y"
    /// `D` Date/time.
    case date = "D"
    /// `R` Ranking.
    case ranking = "R"
    /// `*` Equation.
    case equation = "*"
    /// `|` File upload.
    case fileUpload = "|"
    /// `X` Text display (boilerplate): no answer.
    case textDisplay = "X"
    /// `I` Language switch: no answer.
    case languageSwitch = "I"

    /// What a question of a type becomes in DiversityKit.
    public enum Conversion: Hashable, Sendable {
        /// One ``/SurveyModule/ItemKind/likert(scale:reverseCoded:)`` item per sub-question, grouped in a ``/SurveyModule/Scale``.
        case likertArray
        /// A single Likert item.
        case likert
        /// A ``/SurveyModule/ItemKind/singleChoice(options:)`` item (per sub-question for arrays).
        case singleChoice
        /// A ``/SurveyModule/ItemKind/multipleChoice(options:maxSelections:)`` item.
        case multipleChoice
        /// A ``/SurveyModule/ItemKind/numeric(range:unit:)`` item (per sub-question for `K`, per cell for `:`).
        case numeric
        /// A ``/SurveyModule/ItemKind/freeText(maxLength:)`` item (per sub-question for `Q`, per cell for `;`).
        case freeText
        /// A ``/SurveyModule/ItemKind/demographic(options:)`` item.
        case demographic
        /// Shows text only: left out with a warning, not counted as unsupported.
        case noAnswer
        /// Cannot be represented: reported per question (refused in strict mode).
        case unsupported(String)
    }

    /// What this type becomes.
    public var conversion: Conversion {
        switch self {
        case .arrayFlexible, .arrayByColumn, .arrayFivePoint, .arrayTenPoint, .arrayIncreaseSameDecrease: return .likertArray
        case .fivePointChoice: return .likert
        case .listRadio, .listDropdown, .listWithComment, .yesNo, .arrayYesNoUncertain: return .singleChoice
        case .multipleChoice, .multipleChoiceWithComments: return .multipleChoice
        case .numeric, .multipleNumeric, .arrayNumbers: return .numeric
        case .shortText, .longText, .hugeText, .multipleShortText, .arrayTexts: return .freeText
        case .gender: return .demographic
        case .textDisplay, .languageSwitch: return .noAnswer
        case .arrayDualScale:
            return .unsupported("a dual-scale array answers two scales per row; a DiversityKit item takes one answer")
        case .date: return .unsupported("date answers are not supported (and can identify a respondent)")
        case .ranking: return .unsupported("a ranking (an ordered list of options) has no DiversityKit item kind")
        case .equation: return .unsupported("an equation is computed by LimeSurvey's expression manager, not answered")
        case .fileUpload: return .unsupported("file uploads are not supported")
        }
    }
}
