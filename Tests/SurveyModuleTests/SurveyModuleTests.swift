import Testing
@testable import SurveyModule

@Test("survey records are stored under their own prefix")
func prefix() { #expect(SurveyModule.recordTypePrefix == "survey.") }
