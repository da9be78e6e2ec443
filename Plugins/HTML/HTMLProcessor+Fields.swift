import TrawlCore
import TrawlXML

extension HTMLProcessor {
    /// The page's item fields, or (with ``each``) one item per match; warnings for values that
    /// did not convert. Uses the document's one XPath context for every field and match.
    func extract(from document: HTMLDocument, url: String, into output: inout ProcessorOutput) throws(XMLError) {
        var warnings: [String] = []
        if let each {
            let matches = try document.nodes(matching: each.absolute)
            output.items.reserveCapacity(matches.count)
            for (index, node) in matches.enumerated() {
                var item: [Field] = [Field(name: Item.indexFieldName, value: .number(String(index)))]
                item.reserveCapacity(fields.count + 1)
                var itemWarnings: [String] = []
                for field in fields {
                    let result = try document.evaluate(field.expression.relative, relativeTo: node)
                    append(field, result, to: &item, warnings: &itemWarnings)
                }
                warnings += itemWarnings.map { "item \(index): \($0)" }
                output.items.append(Item(url: url, fields: item))
            }
        } else {
            output.fields.reserveCapacity(fields.count)
            for field in fields {
                append(field, try document.evaluate(field.expression.absolute), to: &output.fields, warnings: &warnings)
            }
        }
        output.warnings = warnings
    }

    func append(_ field: HTMLField, _ result: XPathValue, to item: inout [Field], warnings: inout [String]) {
        let matches = Self.matches(of: result, options: field.options)
        if let value = field.options.value(of: matches, field: field.name, nullMissing: nullMissing, warnings: &warnings) {
            item.append(Field(name: field.name, value: value))
        }
    }

    /// The JSON values of an XPath result: the needed nodes' string values (only the first
    /// unless `all`), whitespace-normalized unless `raw`; a string, number or boolean result
    /// as one value (NaN and infinities, which JSON cannot express, as none).
    static func matches(of result: XPathValue, options: FieldOptions) -> [JSONValue] {
        let text: (String) -> JSONValue = { options.raw ? .string($0) : .string($0.normalizingWhitespace()) }
        switch result {
        case .nodes(let strings):
            if options.all { return strings.map(text) }
            return strings.first.map { [text($0)] } ?? []
        case .string(let string):
            return [text(string)]
        case .number(let number):
            return FieldType.numberLiteral(number).map { [.number($0)] } ?? []
        case .boolean(let flag):
            return [.bool(flag)]
        }
    }
}
