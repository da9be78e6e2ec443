import Testing
import TrawlCore

@Suite struct DurationParserTests {
    @Test("each unit multiplies a whole number into seconds", arguments: [
        ("45s", 45.0), ("30m", 1_800), ("12h", 43_200), ("7d", 604_800), ("2w", 1_209_600), ("0s", 0),
        ("007m", 420),
    ])
    func parsesUnits(text: String, seconds: Double) throws {
        #expect(try DurationParser.seconds(from: text) == seconds)
    }

    @Test("empty text, a missing or unknown unit, fractions, signs, spaces and combinations are errors", arguments: [
        "", "7", "d", "7x", "7D", "1.5h", "-1d", "+1d", " 7d", "7d ", "1h30m", "７d",
    ])
    func rejectsMalformed(text: String) {
        #expect(throws: DurationParseError.self) { try DurationParser.seconds(from: text) }
    }

    @Test("a duration beyond ten years or an overflowing number is an error, not a crash")
    func rejectsHuge() throws {
        #expect(throws: DurationParseError.self) { try DurationParser.seconds(from: "4000d") }
        #expect(throws: DurationParseError.self) { try DurationParser.seconds(from: "99999999999999999999999s") }
        #expect(try DurationParser.seconds(from: "3650d") == 3650 * 86_400)
    }

    @Test("the error names the text and gives an example")
    func errorDescription() {
        let error = DurationParseError(text: "1.5h", reason: "expected a whole number before the unit")
        #expect(error.description == "invalid duration '1.5h': expected a whole number before the unit (e.g. 7d, 12h, 30m, 45s)")
    }
}
