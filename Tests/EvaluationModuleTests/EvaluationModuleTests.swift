import Testing
@testable import EvaluationModule

@Test("the default disclosure threshold is five")
func threshold() { #expect(EvaluationModule.defaultThreshold == 5) }
