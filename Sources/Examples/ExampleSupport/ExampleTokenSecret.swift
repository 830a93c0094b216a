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
