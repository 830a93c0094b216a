import Foundation
import Testing
@testable import DiversityKit

@Suite("Values: dates, money, identifiers, organisation numbers")
struct ValuesTests {
    @Test("a calendar date round-trips through its day number", arguments: ["1970-01-01", "2000-02-29", "2012-02-01", "2013-12-31", "1899-12-31", "2400-03-01"])
    func dayNumberRoundTrip(_ text: String) throws {
        let d = try CalendarDate(text)
        #expect(CalendarDate(dayNumber: d.dayNumber) == d)
        #expect(d.description == text)
    }

    @Test("impossible dates are refused with the text quoted", arguments: ["2011-02-29", "2012-13-01", "2012-00-10", "2012-1-1", "20120101", "", "2012-02-30"])
    func invalidDates(_ text: String) {
        #expect(throws: ValueError.invalidDate(text)) { try CalendarDate(text) }
    }

    @Test("the Omvänt Mentorskap period spans 700 days and knows its weekdays")
    func periodArithmetic() throws {
        let period = try DatePeriod("2012-02-01", "2013-12-31")
        #expect(period.dayCount == 700)
        #expect(period.contains(try CalendarDate("2013-01-15")))
        #expect(!period.contains(try CalendarDate("2014-01-01")))
        #expect(try CalendarDate("2011-10-26").weekday == 3) // a Wednesday
    }

    @Test("a period that ends before it starts is refused")
    func backwardsPeriod() {
        #expect(throws: ValueError.self) { try DatePeriod("2013-01-01", "2012-01-01") }
    }

    @Test("a decoded period that ends before it starts is refused")
    func backwardsPeriodDecoding() {
        let json = Data(#"{"start":"2013-01-01","end":"2012-01-01"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(DatePeriod.self, from: json) }
    }

    @Test("times of day parse and refuse nonsense", arguments: [("09:30", true), ("23:59", true), ("24:00", false), ("9", false), ("ab:cd", false)])
    func times(_ text: String, _ valid: Bool) {
        #expect(((try? TimeOfDay(text)) != nil) == valid)
    }

    @Test("money is integer öre and percentages round half away from zero")
    func money() {
        let grant = Money(kronor: 4_251_631)
        #expect(grant.minorUnits == 425_163_100)
        #expect(Money(kronor: 955_000).percent(15) == Money(kronor: 143_250))
        #expect(Money(minorUnits: 3).percent(50) == Money(minorUnits: 2)) // 1.5 öre → 2
        #expect(Money(minorUnits: -3).percent(50) == Money(minorUnits: -2))
        #expect([Money(kronor: 1), Money(kronor: 2)].sum() == Money(kronor: 3))
        #expect(Money(minorUnits: -105).description == "-1.05 SEK")
    }

    @Test("money encodes as a plain integer of öre")
    func moneyCoding() throws {
        let data = try JSONEncoder().encode(Money(kronor: 12))
        #expect(String(decoding: data, as: UTF8.self) == "1200")
    }

    @Test("identifiers encode as plain strings and compare by value")
    func identifiers() throws {
        let id: ID<Participant> = "p-1"
        #expect(String(decoding: try JSONEncoder().encode(id), as: UTF8.self) == "\"p-1\"")
        #expect(try JSONDecoder().decode(ID<Participant>.self, from: Data("\"p-1\"".utf8)) == id)
        #expect(ID<Participant>.random() != ID<Participant>.random())
    }

    @Test("sequential identifiers count per record type")
    func sequentialIDs() {
        let g = SequentialIDGenerator(prefix: "x-")
        #expect(g.next(for: "a") == "x-a-1")
        #expect(g.next(for: "a") == "x-a-2")
        #expect(g.next(for: "b") == "x-b-1")
    }

    @Test("valid organisation numbers are accepted with or without the hyphen", arguments: ["212000-2411", "2120002411", "202100-5489", "556016-0680"])
    func validOrganisationNumbers(_ text: String) throws {
        let n = try OrganisationNumber(text)
        #expect(n.digits.count == 10)
        #expect(n.description.count == 11)
    }

    @Test("organisation numbers with a wrong checksum or form are refused", arguments: ["212000-2412", "21200024", "2120-002411", "abcdefghij", "212000 2411"])
    func invalidOrganisationNumbers(_ text: String) {
        #expect(throws: ValueError.invalidOrganisationNumber(text)) { try OrganisationNumber(text) }
    }

    @Test("rating scales need a minimum below the maximum")
    func scales() throws {
        #expect(throws: ValueError.invalidScale(minimum: 5, maximum: 5)) { try RatingScale(minimum: 5, maximum: 5) }
        let s = try RatingScale(minimum: 0, maximum: 10)
        #expect(s.contains(0) && s.contains(10) && !s.contains(11))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(RatingScale.self, from: Data(#"{"minimum":3,"maximum":1}"#.utf8)) }
    }

    @Test("rating dimensions keep their codes, custom ones included", arguments: [RatingDimension.content, .trainer, .relevance, .organisation, .overall, .custom("tempo")])
    func dimensionCodes(_ d: RatingDimension) throws {
        #expect(RatingDimension(code: d.code) == d)
        #expect(try JSONDecoder().decode(RatingDimension.self, from: JSONEncoder().encode(d)) == d)
    }

    @Test("a milestone reports slippage in days")
    func milestones() throws {
        let m = Milestone(name: "Basutbildning klar", planned: try CalendarDate("2011-06-30"), actual: try CalendarDate("2011-09-15"))
        #expect(m.slippageDays == 77)
        #expect(Milestone(name: "x", planned: try CalendarDate("2011-06-30")).slippageDays == nil)
    }

    @Test("the participant has no field for any sensitive ground")
    func noSensitiveFields() throws {
        let p = Participant(id: "p", organisation: "o", indicators: FunderIndicators(gender: .woman, ageBand: .from18to29, education: .isced3to4))
        let json = String(decoding: try JSONEncoder().encode(p), as: UTF8.self).lowercased()
        for word in ["ethnic", "religion", "orientation", "disability", "health", "belief"] {
            #expect(!json.contains(word))
        }
        let labels = Mirror(reflecting: p).children.compactMap(\.label)
        #expect(Set(labels) == ["id", "organisation", "unit", "role", "indicators"])
    }
}
