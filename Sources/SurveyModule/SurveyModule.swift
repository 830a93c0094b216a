import DiversityKit

/// Questionnaires, anonymous distribution, responses, scoring and tailoring (being built).
public enum SurveyModule {
    /// The record-type prefix this module stores its entities under.
    public static let recordTypePrefix = "survey."
}
