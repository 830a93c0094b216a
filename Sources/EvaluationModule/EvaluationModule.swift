import DiversityKit
import SurveyModule

/// Statistics, programme follow-up, disclosure control and report documents (being built).
public enum EvaluationModule {
    /// The default minimum group size for published aggregates.
    public static let defaultThreshold = 5
}
