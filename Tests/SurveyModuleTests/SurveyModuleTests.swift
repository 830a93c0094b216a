import Testing
@testable import SurveyModule

@Test("survey records are stored under their own prefix")
func prefix() {
    #expect(SurveyModule.recordTypePrefix == "survey.")
    #expect(Questionnaire.recordType.hasPrefix(SurveyModule.recordTypePrefix))
    #expect(SurveyResponse.recordType.hasPrefix(SurveyModule.recordTypePrefix))
}
