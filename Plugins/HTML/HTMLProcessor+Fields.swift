import TrawlCore
import TrawlXML

extension HTMLProcessor {
    /// Evaluates every field; fields with no value (no nodes, NaN) are left out.
    func extractFields(from document: HTMLDocument) throws(XMLError) -> [Field] {
        var result: [Field] = []
        result.reserveCapacity(fields.count)
        for field in fields {
            if let value = Self.jsonValue(of: try document.evaluate(field.expression)) {
                result.append(Field(name: field.name, value: value))
            }
        }
        return result
    }

    /// The JSON form of an XPath result.
    ///
    /// Node sets give their trimmed string values: none → nil, one → a string, several → an
    /// array of strings. Integral numbers are written without a fraction (`count()` = `3`);
    /// NaN and infinities, which JSON cannot express, give nil.
    static func jsonValue(of value: XPathValue) -> JSONValue? {
        switch value {
        case .nodes(let strings):
            switch strings.count {
            case 0: return nil
            case 1: return .string(trimmed(strings[0]))
            default: return .array(strings.map { .string(trimmed($0)) })
            }
        case .string(let string):
            return .string(string)
        case .number(let number):
            return numberLiteral(number).map(JSONValue.number)
        case .boolean(let flag):
            return .bool(flag)
        }
    }

    /// `number` as a JSON literal: integral values up to 2^53 as integers, others in Swift's
    /// shortest round-trip form; nil for NaN and infinities.
    static func numberLiteral(_ number: Double) -> String? {
        guard number.isFinite else { return nil }
        if number.rounded() == number, abs(number) <= 9_007_199_254_740_992 {
            return String(Int64(number))
        }
        return "\(number)"
    }

    /// `string` without leading and trailing whitespace (including newlines and NBSP).
    static func trimmed(_ string: String) -> String {
        let scalars = string.unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }
}
