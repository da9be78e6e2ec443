import ArgumentParser
import TrawlContent
import TrawlCore
import TrawlHTMLProcessor
import TrawlJSONPath
import TrawlJSONProcessor
import Yams

/// Reads and compiles the `rules:` list of a config file.
///
/// A rule is a mapping: `match` (`url: REGEX` and/or `type: media/type`; absent, every page),
/// `fields` (name → expression string, or name → `{css|xpath|jsonpath: EXPR, all, raw, type}`),
/// `each` (one item per match), `follow` (JSONPath queries for JSON pages, XPath/CSS
/// selectors of link URLs for HTML pages; or a mapping `{select: …, carry: [fields]}`) and
/// `links` (`{in: SELECTOR, match: REGEX}`, see ``LinkReader``).
struct RuleReader {
    let reader: ConfigReader

    static let ruleKeys = ["match", "fields", "each", "follow", "links", "content"]
    static let followKeys = ["select", "carry"]
    static let matchKeys = ["url", "type"]
    static let fieldKeys = ["css", "xpath", "jsonpath", "all", "raw", "type"]

    func rules(_ node: Node) throws(ConfigFileError) -> [CrawlRule] {
        guard case .sequence(let sequence) = node else { throw reader.error(at: node, "'rules' must be a list of rules") }
        var rules: [CrawlRule] = []
        for element in sequence { rules.append(try rule(element)) }
        return rules
    }

    private func rule(_ node: Node) throws(ConfigFileError) -> CrawlRule {
        var rule = CrawlRule()
        var fields: [(spec: FieldSpec, node: Node)] = []
        var eachNode: Node?
        var carryNodes: [(text: String, node: Node)] = []
        var linksNode: Node?
        for (key, _, value) in try reader.entries(node, allowed: Self.ruleKeys, what: "a rule") {
            switch key {
            case "match": try match(value, into: &rule)
            case "fields": fields = try self.fields(value)
            case "each": eachNode = value
            case "content": rule.contentFields = try contentFields(value)
            case "links": linksNode = value
            default: carryNodes = try follow(value, into: &rule)
            }
        }
        if let eachNode {
            let text = try reader.string(eachNode, key: "each")
            switch try compile(try expression(text, node: eachNode, key: "each"), node: eachNode) {
            case .html(let compiled): rule.htmlEach = compiled
            case .json(let compiled): rule.jsonEach = compiled
            }
        }
        for (spec, fieldNode) in fields {
            if let eachNode {
                if spec.expression.isHTML != (rule.htmlEach != nil) {
                    throw reader.error(
                        at: fieldNode,
                        "field '\(spec.name)' must be " + (rule.htmlEach != nil ? "XPath or CSS" : "JSONPath")
                            + " like the rule's each (line \(eachNode.mark?.line ?? 1))")
                }
                if spec.name == Item.indexFieldName {
                    throw reader.error(at: fieldNode, "the field name 'index' is reserved for the match's position with each")
                }
            }
            switch try compile(spec.expression, node: fieldNode) {
            case .html(let compiled): rule.htmlFields.append(HTMLField(name: spec.name, expression: compiled, options: spec.options))
            case .json(let compiled): rule.jsonFields.append(JSONField(name: spec.name, query: compiled, options: spec.options))
            }
            rule.fieldNames.append(spec.name)
        }
        if let linksNode { try LinkReader(reader: reader).read(linksNode, into: &rule) }
        try checkCarry(carryNodes, of: &rule)
        rule.fieldNames += rule.contentFields.map(\.rawValue)
        return rule
    }

    /// Checks the `carry` names against the rule's fields: each must be one of them, of the
    /// kind of the links that carry it (HTML fields ride HTML links, JSONPath fields JSON
    /// links); a JSONPath `each` cannot carry.
    private func checkCarry(_ names: [(text: String, node: Node)], of rule: inout CrawlRule) throws(ConfigFileError) {
        for (name, node) in names {
            let isHTML = rule.htmlFields.contains { $0.name == name }
            guard isHTML || rule.jsonFields.contains(where: { $0.name == name }) else {
                throw reader.error(at: node, "cannot carry '\(name)': the rule has no field of that name")
            }
            if isHTML, rule.htmlFollow?.isEmpty == true {
                throw reader.error(at: node, "cannot carry '\(name)': an XPath or CSS field rides HTML links, and the rule follows none")
            }
            if !isHTML, rule.jsonFollow.isEmpty {
                throw reader.error(at: node, "cannot carry '\(name)': a JSONPath field needs a JSONPath 'select' to ride on")
            }
            if !isHTML, rule.jsonEach != nil {
                throw reader.error(at: node, "cannot carry '\(name)': a JSONPath 'each' gives no single set of fields to carry")
            }
            rule.carry.append(name)
        }
    }

    private func match(_ node: Node, into rule: inout CrawlRule) throws(ConfigFileError) {
        for (key, _, value) in try reader.entries(node, allowed: Self.matchKeys, what: "'match'") {
            let text = try reader.string(value, key: key)
            if key == "url" {
                do { rule.urlPattern = try URLRegex(text) } catch { throw reader.error(at: value, "invalid regex '\(text)'") }
            } else {
                let parts = text.lowercased().split(separator: "/", omittingEmptySubsequences: false)
                guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && !$0.contains(where: \.isWhitespace) }) else {
                    throw reader.error(at: value, "'type' must be a media type such as text/html or application/json, got '\(text)'")
                }
                rule.mediaType = text.lowercased()
            }
        }
    }

    private func fields(_ node: Node) throws(ConfigFileError) -> [(spec: FieldSpec, node: Node)] {
        guard case .mapping(let mapping) = node else {
            throw reader.error(at: node, "'fields' must be a mapping of field names to expressions")
        }
        var result: [(spec: FieldSpec, node: Node)] = []
        for (keyNode, value) in mapping {
            let name = try reader.string(keyNode, key: "fields")
            guard name != Item.urlFieldName else {
                throw reader.error(at: keyNode, "the field name 'url' is reserved for the page URL")
            }
            result.append((try field(name: name, value), keyNode))
        }
        return result
    }

    private func field(name: String, _ node: Node) throws(ConfigFileError) -> FieldSpec {
        guard case .mapping = node else {
            let text = try reader.string(node, key: name)
            return FieldSpec(name: name, expression: try expression(text, node: node, key: name))
        }
        var expression: FieldExpression?
        var options = FieldOptions()
        for (key, keyNode, value) in try reader.entries(node, allowed: Self.fieldKeys, what: "field '\(name)'") {
            switch key {
            case "all": options.all = try reader.bool(value, key: key)
            case "raw": options.raw = try reader.bool(value, key: key)
            case "type":
                let text = try reader.string(value, key: key)
                guard let type = FieldType(rawValue: text) else {
                    let names = FieldType.allCases.map(\.rawValue).joined(separator: ", ")
                    throw reader.error(at: value, "unknown type '\(text)': use \(names)")
                }
                options.type = type
            default:
                guard expression == nil else { throw reader.error(at: keyNode, "field '\(name)' has more than one expression") }
                let text = try reader.string(value, key: key)
                expression = key == "css" ? .css(text) : key == "xpath" ? .xpath(text) : .jsonPath(text)
            }
        }
        guard let expression else { throw reader.error(at: node, "field '\(name)' needs css, xpath or jsonpath") }
        if options.raw, !expression.isHTML {
            throw reader.error(at: node, "field '\(name)': raw applies to XPath and CSS fields")
        }
        return FieldSpec(name: name, expression: expression, options: options)
    }

    /// `content: true` (every content field), `false` (none) or a list of field names.
    private func contentFields(_ node: Node) throws(ConfigFileError) -> [ContentField] {
        if case .scalar = node {
            if let enabled = try? reader.bool(node, key: "content") { return enabled ? ContentField.allCases : [] }
        }
        var fields: [ContentField] = []
        for entry in try reader.list(node, key: "content") {
            guard let field = ContentField(rawValue: entry.text) else {
                let names = ContentField.allCases.map(\.rawValue).joined(separator: ", ")
                throw reader.error(at: entry.node, "unknown content field '\(entry.text)': use true or a list of \(names)")
            }
            if !fields.contains(field) { fields.append(field) }
        }
        return fields
    }

    /// Reads `follow` into `rule`, and returns the names it carries with their nodes. A
    /// mapping without `select` follows every link of an HTML page.
    private func follow(_ node: Node, into rule: inout CrawlRule) throws(ConfigFileError) -> [(text: String, node: Node)] {
        guard case .mapping = node else {
            try select(node, into: &rule)
            return []
        }
        var carry: [(text: String, node: Node)] = []
        for (key, _, value) in try reader.entries(node, allowed: Self.followKeys, what: "'follow'") {
            if key == "select" {
                try select(value, into: &rule)
            } else {
                guard case .sequence = value else { throw reader.error(at: value, "'carry' must be a list of field names") }
                carry = try reader.list(value, key: key)
            }
        }
        return carry
    }

    private func select(_ node: Node, into rule: inout CrawlRule) throws(ConfigFileError) {
        var html: [HTMLExpression] = []
        for entry in try reader.list(node, key: "follow") {
            switch try compile(try expression(entry.text, node: entry.node, key: "follow"), node: entry.node) {
            case .html(let compiled): html.append(compiled)
            case .json(let compiled): rule.jsonFollow.append(compiled)
            }
        }
        rule.htmlFollow = html
    }

    func expression(_ text: String, node: Node, key: String) throws(ConfigFileError) -> FieldExpression {
        guard let expression = FieldExpression.parse(commandLine: text.trimmingWhitespace()) else {
            throw reader.error(at: node, "invalid expression '\(text)' for '\(key)': \(FieldExpression.commandLineRule)")
        }
        return expression
    }

    func compile(_ expression: FieldExpression, node: Node) throws(ConfigFileError) -> ExtractionSpec.Compiled {
        do {
            return try ExtractionSpec.Compiled.compile(expression, option: "expression", argument: expression.description)
        } catch {
            throw reader.error(at: node, "\(error)")
        }
    }
}
