import ArgumentParser
import TrawlCore
import TrawlHTMLProcessor
import TrawlJSONPath
import TrawlJSONProcessor
import TrawlSitemapProcessor
import TrawlXML

/// One `--extract` compiled for its processor: XPath and CSS fields for HTML pages, JSONPath
/// fields for JSON pages.
enum ExtractionSpec: Hashable {
    case html(HTMLField)
    case json(JSONField)

    var name: String {
        switch self {
        case .html(let field): field.name
        case .json(let field): field.name
        }
    }

    var isHTML: Bool {
        if case .html = self { return true }
        return false
    }

    /// Parses and compiles `NAME[[]][:MOD]=EXPR`, so that a bad one fails before any fetch.
    static func parse(_ argument: String) throws(ValidationError) -> ExtractionSpec {
        let spec = try FieldSpec.parse(commandLine: argument)
        switch try Compiled.compile(spec.expression, option: "--extract", argument: argument) {
        case .html(let expression): return .html(HTMLField(name: spec.name, expression: expression, options: spec.options))
        case .json(let query): return .json(JSONField(name: spec.name, query: query, options: spec.options))
        }
    }

    /// An expression compiled for the processor that runs it.
    enum Compiled {
        case html(HTMLExpression)
        case json(JSONPathQuery)

        /// Compiles `expression`; a failure names the option, the argument and, for CSS, the
        /// column: `invalid --extract 'p=css:span[': CSS selector column 6: …`.
        static func compile(_ expression: FieldExpression, option: String, argument: String) throws(ValidationError) -> Compiled {
            do {
                switch expression {
                case .xpath(let source): return .html(HTMLExpression(xpath: try XPathExpression(source)))
                case .jsonPath(let source): return .json(try JSONPathQuery(source))
                case .css(let source):
                    let selector: CSSSelector
                    do { selector = try CSSSelector(source) } catch {
                        throw ValidationError("invalid \(option) '\(argument)': CSS selector \(error)")
                    }
                    return .html(try HTMLExpression(css: selector))
                }
            } catch let error as ValidationError {
                throw error
            } catch {
                throw ValidationError("invalid \(option) '\(argument)': \(error)")
            }
        }
    }
}

/// The command line's HTML link options: `--follow` XPath/CSS selectors, `--links-in` and
/// `--links-match`.
struct HTMLFollow {
    var select: [HTMLExpression] = []
    var within: [HTMLExpression] = []
    var patterns: [URLRegex] = []
}

/// The built-in processors, configured from the command line. The one place they are registered.
enum BuiltInProcessors {
    /// Processors for `extractions`, `--each`, `--null-missing`, `--follow` and `--carry`.
    ///
    /// `--each` applies to every `--extract`, so they must all be of its kind (XPath/CSS with
    /// an XPath or CSS `--each`, JSONPath with a JSONPath one), and none may be named `index`.
    static func make(
        extractions: [ExtractionSpec], options: ExtractionOptions, follow: [JSONPathQuery], links: HTMLFollow = HTMLFollow(),
        carry: [String] = []
    ) throws(ValidationError) -> [any Processor] {
        var htmlEach: HTMLExpression?
        var jsonEach: JSONPathQuery?
        if let each = options.each {
            guard let expression = FieldExpression.parse(commandLine: each.trimmingWhitespace()) else {
                throw ValidationError("invalid --each '\(each)': \(FieldExpression.commandLineRule)")
            }
            switch try ExtractionSpec.Compiled.compile(expression, option: "--each", argument: each) {
            case .html(let compiled): htmlEach = compiled
            case .json(let compiled): jsonEach = compiled
            }
            for extraction in extractions {
                if extraction.isHTML != (htmlEach != nil) {
                    throw ValidationError(
                        "invalid --extract for field \"\(extraction.name)\": --each '\(each)' is "
                            + (htmlEach != nil ? "XPath/CSS, so every --extract must be XPath or CSS" : "JSONPath, so every --extract must be JSONPath"))
                }
                if extraction.name == Item.indexFieldName {
                    throw ValidationError("invalid --extract: the field name \"index\" is reserved for the match's position with --each")
                }
            }
        }
        var htmlFields: [HTMLField] = []
        var jsonFields: [JSONField] = []
        for extraction in extractions {
            switch extraction {
            case .html(let field): htmlFields.append(field)
            case .json(let field): jsonFields.append(field)
            }
        }
        let htmlNames = Set(htmlFields.map(\.name))
        let rule = HTMLLinkRule(
            select: links.select.isEmpty ? nil : links.select, within: links.within,
            carry: carry.filter { htmlNames.contains($0) })
        let extractors: [any Processor] = [
            HTMLProcessor(fields: htmlFields, each: htmlEach, nullMissing: options.nullMissing, links: rule),
            JSONProcessor(
                fields: jsonFields, each: jsonEach, follow: follow, nullMissing: options.nullMissing,
                carry: carry.filter { !htmlNames.contains($0) }),
        ]
        return LinkPatternFilter.wrapping(extractors, patterns: links.patterns) + [SitemapProcessor()]
    }
}
