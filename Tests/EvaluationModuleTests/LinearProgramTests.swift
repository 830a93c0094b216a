import Testing
@testable import EvaluationModule

@Suite("Simplex behind the disclosure audit")
struct LinearProgramTests {
    @Test("finds the optimum of a small programme")
    func optimum() {
        // x + y + s = 4, x + 3y + t = 6; minimise −x − 2y → x = 3, y = 1, value −5.
        let lp = LinearProgram(a: [[1, 1, 1, 0], [1, 3, 0, 1]], b: [4, 6])
        #expect(lp.minimize([-1, -2, 0, 0]) == .optimal(-5))
        #expect(lp.minimize([1, 1, 0, 0]) == .optimal(0))
    }

    @Test("reports infeasible and unbounded programmes")
    func outcomes() {
        #expect(LinearProgram(a: [[1, 1]], b: [-1]).minimize([1, 0]) == .infeasible)
        #expect(LinearProgram(a: [[1, -1]], b: [0]).minimize([-1, 0]) == .unbounded)
    }

    @Test("tolerates redundant constraints, as row, column and grand totals are")
    func redundant() {
        // Rows: a + b = 3, c + d = 4; columns: a + c = 5, b + d = 2; grand total a + b + c + d = 7.
        let lp = LinearProgram(a: [[1, 1, 0, 0], [0, 0, 1, 1], [1, 0, 1, 0], [0, 1, 0, 1], [1, 1, 1, 1]], b: [3, 4, 5, 2, 7])
        #expect(lp.minimize([1, 0, 0, 0]) == .optimal(1))
        #expect(lp.minimize([-1, 0, 0, 0]) == .optimal(-3))
    }
}
