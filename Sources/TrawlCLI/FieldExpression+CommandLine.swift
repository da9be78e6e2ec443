import TrawlCore

extension FieldExpression {
    /// What ``parse(commandLine:)`` accepts, for error messages.
    static let commandLineRule =
        "the expression must start with $ (JSONPath), with /, ( or . (XPath), or with css:, xpath: or jsonpath:"

    /// The expression an `--extract` or `--each` value names, by its prefix or first character:
    ///
    /// - `css:SELECTOR`, `xpath:EXPR`, `jsonpath:QUERY`: explicit, always wins;
    /// - `$…`: JSONPath;
    /// - `/…`, `(…`, `.…`: XPath (so `./span` and `.//a` stay XPath: CSS needs `css:`);
    /// - anything else: nil, since `h1` or `count(//a)` would be a guess between CSS and XPath.
    static func parse(commandLine text: String) -> FieldExpression? {
        let prefixes: [(String, (String) -> FieldExpression)] = [
            ("css:", FieldExpression.css), ("xpath:", FieldExpression.xpath), ("jsonpath:", FieldExpression.jsonPath),
        ]
        for (prefix, make) in prefixes where text.hasPrefix(prefix) {
            return make(String(text.dropFirst(prefix.count)).trimmingWhitespace())
        }
        switch text.first {
        case "$": return .jsonPath(text)
        case "/", "(", ".": return .xpath(text)
        default: return nil
        }
    }
}
