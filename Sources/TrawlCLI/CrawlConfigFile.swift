import ArgumentParser
import Foundation
import Trawl
import TrawlCore
import TrawlJSONPath
import Yams

/// A crawl config file (`trawl crawl -c crawl.yml`), read and checked completely before any
/// fetch: its settings (one top-level key per `crawl` flag, named after the long flag), its
/// seeds and its extraction rules.
///
/// Every problem is a ``ConfigFileError`` naming the file, line and column. Unknown keys are
/// errors, never ignored. How the file meets the command line is ``arguments(commandLine:seedsGiven:)``.
struct CrawlConfigFile {
    /// The settings in file order, as the text of their values (a list key has several).
    var settings: [(key: String, values: [String])] = []
    /// Seed URLs (globs allowed, as on the command line).
    var seeds: [String] = []
    /// The rules, in file order: the first that matches a page applies to it.
    var rules: [CrawlRule] = []
    /// The `rules` section written back as YAML (comments and layout dropped), to tell whether a
    /// resumed job's rules changed; nil without rules.
    var rulesText: String?

    /// Reads and checks the file at `path`.
    static func load(path: String) throws(ConfigFileError) -> CrawlConfigFile {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ConfigFileError(file: path, line: 1, column: 1, message: "cannot read the config file")
        }
        return try parse(text, file: path)
    }

    /// Checks `text`, the contents of `file`; `file` only names it in errors.
    static func parse(_ text: String, file: String) throws(ConfigFileError) -> CrawlConfigFile {
        let reader = ConfigReader(file: file)
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch { throw reader.error(yaml: error) }
        var config = CrawlConfigFile()
        guard let root else { return config }
        for (key, _, value) in try reader.entries(root, allowed: ConfigKey.all, what: "the config file") {
            switch key {
            case "seeds": config.seeds = try reader.list(value, key: key).map(\.text)
            case "rules":
                config.rules = try RuleReader(reader: reader).rules(value)
                config.rulesText = try? Yams.serialize(node: value)
            default:
                guard let kind = ConfigKey.options[key] else { throw reader.error(at: value, "unknown key '\(key)'") }
                config.settings.append((key, try values(value, key: key, kind: kind, reader: reader)))
            }
        }
        return config
    }

    /// The text of `node` as the `--key` option would take it, checked for its kind and, for
    /// expressions, regexes and formats, compiled.
    private static func values(_ node: Node, key: String, kind: ConfigKey.Kind, reader: ConfigReader) throws(ConfigFileError) -> [String] {
        switch kind {
        case .string:
            let text = try reader.string(node, key: key)
            try check(text, key: key, node: node, reader: reader)
            return [text]
        case .integer: return try [String(reader.integer(node, key: key))]
        case .number: return try [String(reader.number(node, key: key))]
        case .flag: return try [String(reader.bool(node, key: key))]
        case .list:
            let entries = try reader.list(node, key: key)
            for entry in entries { try check(entry.text, key: key, node: entry.node, reader: reader) }
            return entries.map(\.text)
        }
    }

    /// Compiles what can be compiled now, so that its error carries a position.
    private static func check(_ text: String, key: String, node: Node, reader: ConfigReader) throws(ConfigFileError) {
        switch key {
        case "extract":
            do { _ = try ExtractionSpec.parse(text) } catch { throw reader.error(at: node, "\(error)") }
        case "each":
            guard let expression = FieldExpression.parse(commandLine: text.trimmingWhitespace()) else {
                throw reader.error(at: node, "invalid each '\(text)': \(FieldExpression.commandLineRule)")
            }
            do { _ = try ExtractionSpec.Compiled.compile(expression, option: "each", argument: text) } catch {
                throw reader.error(at: node, "\(error)")
            }
        case "follow" where text.hasPrefix("$"):
            do { _ = try JSONPathQuery(text) } catch { throw reader.error(at: node, "invalid JSONPath '\(text)': \(error)") }
        case "follow", "links-in":
            guard let expression = FieldExpression.parse(commandLine: text.trimmingWhitespace()) else {
                throw reader.error(at: node, "invalid \(key) '\(text)': \(FieldExpression.commandLineRule)")
            }
            if key == "links-in", !expression.isHTML {
                throw reader.error(at: node, "'links-in' takes XPath or CSS selectors of HTML elements, not '\(text)'")
            }
            do { _ = try ExtractionSpec.Compiled.compile(expression, option: key, argument: text) } catch {
                throw reader.error(at: node, "\(error)")
            }
        case "include", "exclude", "links-match":
            do { _ = try NSRegularExpression(pattern: text) } catch {
                throw reader.error(at: node, "invalid regex '\(text)' in '\(key)'")
            }
        case "format":
            if OutputFormat(name: text) == nil {
                throw reader.error(at: node, "unknown format '\(text)': use \(OutputFormat.namesForMessages)")
            }
        default: break
        }
    }

    /// The names of every field `rules` extract, then `others`, each once in first-seen order
    /// (for the CSV header).
    static func fieldNames(rules: [CrawlRule], then others: [String]) -> [String] {
        var seen: Set<String> = []
        return (rules.flatMap(\.fieldNames) + others).filter { seen.insert($0).inserted }
    }
}
