import Foundation
import Yams

/// Reads typed values out of a composed YAML document, turning every mismatch into a
/// ``ConfigFileError`` at the node's line and column.
struct ConfigReader {
    /// The file's name as the user gave it, for messages.
    let file: String

    func error(at node: Node?, _ message: String) -> ConfigFileError {
        let mark = node?.mark
        return ConfigFileError(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message)
    }

    /// A Yams parse failure as a one-line error at the mark libyaml reported.
    func error(yaml: any Error) -> ConfigFileError {
        guard let yamlError = yaml as? YamlError else {
            return ConfigFileError(file: file, line: 1, column: 1, message: "\(yaml)")
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { " \($0.text)" } ?? ""
            return ConfigFileError(
                file: file, line: mark.line, column: mark.column, message: "YAML syntax error: \(problem)\(detail)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return ConfigFileError(
                file: file, line: context.mark.line, column: context.mark.column, message: "duplicate key \(names)")
        default:
            let line = "\(yamlError)".split(whereSeparator: \.isNewline).first.map(String.init) ?? "unreadable YAML"
            return ConfigFileError(file: file, line: 1, column: 1, message: line)
        }
    }

    /// The pairs of `node`, a mapping, with each key checked against `allowed`.
    func entries(_ node: Node, allowed: [String], what: String) throws(ConfigFileError) -> [(key: String, keyNode: Node, value: Node)] {
        guard case .mapping(let mapping) = node else { throw error(at: node, "\(what) must be a mapping of keys to values") }
        var result: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else { throw error(at: keyNode, "a key must be a plain name") }
            let key = scalar.string
            guard allowed.contains(key) else {
                let hint = EditDistance.suggestion(for: key, among: allowed.sorted()).map { " (did you mean '\($0)'?)" } ?? ""
                throw error(at: keyNode, "unknown key '\(key)'\(hint)")
            }
            result.append((key, keyNode, value))
        }
        return result
    }

    /// The text of a scalar that is not null.
    func string(_ node: Node, key: String) throws(ConfigFileError) -> String {
        guard case .scalar(let scalar) = node else { throw error(at: node, "'\(key)' must be a single value, not a \(Self.kindName(node))") }
        if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
            throw error(at: node, "'\(key)' needs a value")
        }
        return scalar.string
    }

    /// A string, or a list of strings, each with its node.
    func list(_ node: Node, key: String) throws(ConfigFileError) -> [(text: String, node: Node)] {
        guard case .sequence(let sequence) = node else { return [(try string(node, key: key), node)] }
        var result: [(text: String, node: Node)] = []
        for element in sequence {
            guard case .scalar = element else { throw error(at: element, "'\(key)' must be a list of strings, not of \(Self.kindName(element))s") }
            result.append((try string(element, key: key), element))
        }
        return result
    }

    func integer(_ node: Node, key: String) throws(ConfigFileError) -> Int {
        let text = try string(node, key: key)
        guard let value = Int(text) else { throw error(at: node, "'\(key)' must be an integer, got '\(text)'") }
        return value
    }

    func number(_ node: Node, key: String) throws(ConfigFileError) -> Double {
        let text = try string(node, key: key)
        guard let value = Double(text), value.isFinite else { throw error(at: node, "'\(key)' must be a number, got '\(text)'") }
        return value
    }

    func bool(_ node: Node, key: String) throws(ConfigFileError) -> Bool {
        let text = try string(node, key: key)
        guard let value = node.bool else { throw error(at: node, "'\(key)' must be true or false, got '\(text)'") }
        return value
    }

    static func kindName(_ node: Node) -> String {
        switch node {
        case .scalar: "value"
        case .mapping: "mapping"
        case .sequence: "list"
        case .alias: "alias"
        }
    }
}
