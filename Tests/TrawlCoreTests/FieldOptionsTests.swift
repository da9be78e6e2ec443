import Testing
import TrawlCore

@Suite struct FieldOptionsTests {
    private let three: [JSONValue] = [.string("1"), .string("x"), .string("3")]

    private func value(
        _ options: FieldOptions, _ matches: [JSONValue], nullMissing: Bool = false
    ) -> (JSONValue?, [String]) {
        var warnings: [String] = []
        let result = options.value(of: matches, field: "f", nullMissing: nullMissing, warnings: &warnings)
        return (result, warnings)
    }

    @Test("by default the first match, whatever the number of matches")
    func firstMatch() {
        #expect(value(FieldOptions(), three).0 == .string("1"))
        #expect(value(FieldOptions(), [.string("only")]).0 == .string("only"))
        #expect(value(FieldOptions(), []).0 == nil)
    }

    @Test("all gives an array for any number of matches, empty for none, never null")
    func allMatches() {
        #expect(value(FieldOptions(all: true), three).0 == .array(three))
        #expect(value(FieldOptions(all: true), [.string("one")]).0 == .array([.string("one")]))
        #expect(value(FieldOptions(all: true), [], nullMissing: true).0 == .array([]))
    }

    @Test("null-missing turns an absent field into null")
    func nullMissing() {
        #expect(value(FieldOptions(), [], nullMissing: true).0 == .null)
        #expect(value(FieldOptions(), [.string("v")], nullMissing: true).0 == .string("v"))
    }

    @Test("a first match that does not convert leaves the field out (or null) with one warning")
    func conversionFailure() {
        let (missing, warnings) = value(FieldOptions(type: .number), [.string("N/A"), .string("2")])
        #expect(missing == nil)
        #expect(warnings == [#"field "f": "N/A" is not a number"#])
        let (null, _) = value(FieldOptions(type: .integer), [.string("1.5")], nullMissing: true)
        #expect(null == .null)
    }

    @Test("in an array, an element that does not convert becomes null and is warned about")
    func arrayConversion() {
        let (result, warnings) = value(FieldOptions(all: true, type: .integer), three)
        #expect(result == .array([.number("1"), .null, .number("3")]))
        #expect(warnings == [#"field "f": "x" is not an integer"#])
    }

    @Test("whitespace normalization trims and collapses every kind of whitespace run to one space")
    func normalization() {
        #expect("\n  Product\u{A0}  7\t\r\n ".normalizingWhitespace() == "Product 7")
        #expect("a\u{2003}b".normalizingWhitespace() == "a b")
        #expect("   ".normalizingWhitespace() == "")
        #expect("plain".normalizingWhitespace() == "plain")
    }
}
