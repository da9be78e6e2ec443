import Yams

/// Reads a rule's `links:` mapping, which narrows the links the rule takes from its pages.
///
/// `in`: XPath or CSS selectors (a string or a list); only the link elements inside what they
/// select are links (or the attribute and text nodes they select, such as
/// `css:nav a::attr(href)`). `match`: URL regexes (a string or a list); a link must match one,
/// anywhere in the absolute URL unless anchored. Links left out are not extracted at all.
struct LinkReader {
    let reader: ConfigReader

    static let keys = ["in", "match"]

    func read(_ node: Node, into rule: inout CrawlRule) throws(ConfigFileError) {
        let rules = RuleReader(reader: reader)
        for (key, _, value) in try reader.entries(node, allowed: Self.keys, what: "'links'") {
            for entry in try reader.list(value, key: key) {
                if key == "in" {
                    let expression = try rules.expression(entry.text, node: entry.node, key: "links: in")
                    guard case .html(let compiled) = try rules.compile(expression, node: entry.node) else {
                        throw reader.error(at: entry.node, "'links: in' takes XPath or CSS selectors of HTML elements, not '\(entry.text)'")
                    }
                    rule.linksWithin.append(compiled)
                } else {
                    do { rule.linkPatterns.append(try URLRegex(entry.text)) } catch {
                        throw reader.error(at: entry.node, "invalid regex '\(entry.text)' in 'links: match'")
                    }
                }
            }
        }
        if !rule.linksWithin.isEmpty, rule.htmlFollow?.isEmpty == false {
            throw reader.error(
                at: node, "'links: in' narrows the links of HTML pages found without 'follow' selectors; put the scope in the selectors")
        }
    }
}
