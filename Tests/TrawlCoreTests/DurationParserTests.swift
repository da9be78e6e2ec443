import Testing
import TrawlCore

@Suite struct DurationParserTests {
    @Test("a number with a unit s, m, h or d is read as seconds", arguments: [
        ("45s", 45.0), ("30m", 1800), ("12h", 43_200), ("7d", 604_800), ("1.5h", 5400), ("0s", 0), (" 2D ", 172_800),
    ])
    func valid(text: String, seconds: Double) {
        #expect(DurationParser.seconds(text) == seconds)
    }

    @Test("anything else is refused: no unit, an unknown unit, signs, exponents, non-numbers", arguments: [
        "", "7", "d", "7w", "-1d", "+1d", "1e3s", "infs", "nand", "1.2.3h", "7 d", "7dd", "٣d",
    ])
    func invalid(text: String) {
        #expect(DurationParser.seconds(text) == nil)
    }
}
