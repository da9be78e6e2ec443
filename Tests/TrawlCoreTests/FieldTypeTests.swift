import Testing
import TrawlCore

@Suite struct FieldTypeTests {
    @Test("number reads decimal text and keeps numbers; anything else does not convert", arguments: [
        (JSONValue.string(" 12.50 "), JSONValue?.some(.number("12.5"))),
        (.string("-3"), .number("-3")),
        (.string("1e3"), .number("1000")),
        (.number("7.25"), .number("7.25")),
        (.string("N/A"), nil),
        (.string("$12"), nil),
        (.string("nan"), nil),
        (.string("inf"), nil),
        (.string("0x10"), nil),
        (.string(""), nil),
        (.bool(true), nil),
        (.array([.number("1")]), nil),
        (.null, .null),
    ])
    func number(input: JSONValue, expected: JSONValue?) {
        #expect(FieldType.number.convert(input) == expected)
    }

    @Test("integer needs an integral value", arguments: [
        (JSONValue.string("42"), JSONValue?.some(.number("42"))),
        (.string(" -7 "), .number("-7")),
        (.string("7.0"), .number("7")),
        (.number("3e2"), .number("300")),
        (.string("9007199254740993"), .number("9007199254740993")),
        (.string("7.5"), nil),
        (.number("0.1"), nil),
        (.string("seven"), nil),
        (.bool(false), nil),
    ])
    func integer(input: JSONValue, expected: JSONValue?) {
        #expect(FieldType.integer.convert(input) == expected)
    }

    @Test("boolean reads true/false/1/0 in any case", arguments: [
        (JSONValue.string("True"), JSONValue?.some(.bool(true))),
        (.string(" false "), .bool(false)),
        (.string("1"), .bool(true)),
        (.number("0"), .bool(false)),
        (.bool(true), .bool(true)),
        (.string("yes"), nil),
        (.number("2"), nil),
    ])
    func boolean(input: JSONValue, expected: JSONValue?) {
        #expect(FieldType.boolean.convert(input) == expected)
    }

    @Test("string writes numbers and booleans as text, refuses containers", arguments: [
        (JSONValue.number("1.50"), JSONValue?.some(.string("1.50"))),
        (.bool(true), .string("true")),
        (.string(" kept as is "), .string(" kept as is ")),
        (.object([]), nil),
    ])
    func string(input: JSONValue, expected: JSONValue?) {
        #expect(FieldType.string.convert(input) == expected)
    }

    @Test("number literals: integral values without a fraction, NaN and infinity have none")
    func numberLiterals() {
        #expect(FieldType.numberLiteral(3) == "3")
        #expect(FieldType.numberLiteral(-3_000_000) == "-3000000")
        #expect(FieldType.numberLiteral(4.25) == "4.25")
        #expect(FieldType.numberLiteral(.nan) == nil)
        #expect(FieldType.numberLiteral(.infinity) == nil)
    }
}
