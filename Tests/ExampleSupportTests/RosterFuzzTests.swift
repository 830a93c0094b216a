import DiversityKit
import DiversityKitTesting
import ExampleSupport
import Foundation
import Testing

/// Issue 17: fuzz target for the HR roster parser.
@Suite("Fuzz: HR roster")
struct RosterFuzzTests {
    @Test("HR roster: no case traps, and every entry read has a reference, an organisation and no duplicate")
    func roster() {
        let corpus = ["employee_ref;organisation;unit;role\nE1;nkpg;nkpg-vof;employee\nE2;region;;chef\n",
                      "\u{FEFF}employee_ref,organisation,unit,role\r\nE1,nkpg,nkpg-vof,Employee\r\n\"E2\",\"region\",\"\",manager\r\n",
                      "ROLE;Organisation;Employee_Ref\n\nmedarbetare;nkpg;E1\n\"chef\";region;E2"].map { Data($0.utf8) }
        var wrong: [String] = []
        Fuzzer(corpus: corpus).run { bytes in
            let rows = try HRRoster.parse(bytes)
            if rows.contains(where: { $0.entry.employeeRef.isEmpty || $0.entry.organisation.rawValue.isEmpty }) { wrong.append("empty field") }
            if Set(rows.map(\.entry.employeeRef)).count != rows.count { wrong.append("duplicate reference") }
        }
        #expect(wrong.isEmpty)
    }
}
