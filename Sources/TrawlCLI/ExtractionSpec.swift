import ArgumentParser
import TrawlCore
import TrawlHTMLProcessor
import TrawlJSONPath
import TrawlJSONProcessor
import TrawlSitemapProcessor
import TrawlXML

/// One `--extract NAME=EXPR`: JSONPath when EXPR starts with `$`, XPath when it starts with
/// `/`, `(` or `.`.
enum ExtractionSpec: Hashable {
    case xpath(HTMLField)
    case jsonPath(JSONField)

    var name: String {
        switch self {
        case .xpath(let field): field.name
        case .jsonPath(let field): field.name
        }
    }

    /// Parses `NAME=EXPR`, compiling the expression so that a bad one fails before any fetch.
    static func parse(_ argument: String) throws(ValidationError) -> ExtractionSpec {
        guard let equals = argument.firstIndex(of: "=") else {
            throw ValidationError("invalid --extract '\(argument)': expected NAME=EXPR")
        }
        let name = String(argument[..<equals]).trimmingWhitespace()
        let expression = String(argument[argument.index(after: equals)...]).trimmingWhitespace()
        guard !name.isEmpty else { throw ValidationError("invalid --extract '\(argument)': the field name is empty") }
        guard name != Item.urlFieldName else {
            throw ValidationError("invalid --extract '\(argument)': the field name \"url\" is reserved for the page URL")
        }
        switch expression.first {
        case "$":
            do { return .jsonPath(JSONField(name: name, query: try JSONPathQuery(expression))) } catch {
                throw ValidationError("invalid --extract '\(argument)': \(error)")
            }
        case "/", "(", ".":
            do { return .xpath(HTMLField(name: name, expression: try XPathExpression(expression))) } catch {
                throw ValidationError("invalid --extract '\(argument)': \(error)")
            }
        default:
            throw ValidationError(
                "invalid --extract '\(argument)': the expression must start with $ (JSONPath) or with /, ( or . (XPath)")
        }
    }
}

/// The built-in processors, configured from the command line. The one place they are registered.
enum BuiltInProcessors {
    static func make(extractions: [ExtractionSpec], follow: [JSONPathQuery]) -> [any Processor] {
        var xpathFields: [HTMLField] = []
        var jsonFields: [JSONField] = []
        for extraction in extractions {
            switch extraction {
            case .xpath(let field): xpathFields.append(field)
            case .jsonPath(let field): jsonFields.append(field)
            }
        }
        return [
            HTMLProcessor(fields: xpathFields, followLinks: true),
            JSONProcessor(fields: jsonFields, follow: follow),
            SitemapProcessor(),
        ]
    }
}
