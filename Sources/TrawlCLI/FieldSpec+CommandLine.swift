import ArgumentParser
import TrawlCore

extension FieldSpec {
    /// The modifiers `NAME:MOD,MOD=` accepts: a type, or `raw`.
    static let commandLineModifiers: Set<String> = Set(FieldType.allCases.map(\.rawValue) + ["raw"])

    /// Parses one `--extract` argument: `NAME[[]][:MOD[,MOD]]=EXPR`.
    ///
    /// - `NAME[]` makes the field hold every match (`all`), always as an array.
    /// - `:string`, `:number`, `:integer`, `:boolean` convert the value; `:raw` keeps HTML text
    ///   as it is. They combine with commas: `prices[]:number,raw=…`. A name containing `:`
    ///   (`og:title`) is taken as it is unless what follows its last `:` is a list of modifiers.
    /// - EXPR is read by ``FieldExpression/parse(commandLine:)``.
    ///
    /// Syntax only: the expression is compiled later, by ``ExtractionSpec``.
    static func parse(commandLine argument: String) throws(ValidationError) -> FieldSpec {
        func invalid(_ reason: String) -> ValidationError { ValidationError("invalid --extract '\(argument)': \(reason)") }
        guard let equals = argument.firstIndex(of: "=") else { throw invalid("expected NAME=EXPR") }
        var name = String(argument[..<equals]).trimmingWhitespace()
        let text = String(argument[argument.index(after: equals)...]).trimmingWhitespace()
        var options = FieldOptions()
        if let colon = name.lastIndex(of: ":") {
            let words = name[name.index(after: colon)...].split(separator: ",", omittingEmptySubsequences: false)
                .map { String($0).trimmingWhitespace().lowercased() }
            if words.allSatisfy(commandLineModifiers.contains) {
                for word in words {
                    if word == "raw" { options.raw = true; continue }
                    if options.type != nil { throw invalid("more than one type") }
                    options.type = FieldType(rawValue: word)
                }
                name = String(name[..<colon]).trimmingWhitespace()
            } else if name[..<colon].hasSuffix("[]") {
                throw invalid("unknown modifier; use string, number, integer, boolean or raw")
            }
        }
        if name.hasSuffix("[]") {
            options.all = true
            name = String(name.dropLast(2)).trimmingWhitespace()
        }
        guard !name.isEmpty else { throw invalid("the field name is empty") }
        guard name != Item.urlFieldName else { throw invalid("the field name \"url\" is reserved for the page URL") }
        guard let expression = FieldExpression.parse(commandLine: text) else {
            throw invalid(FieldExpression.commandLineRule)
        }
        if options.raw, !expression.isHTML { throw invalid("raw applies to XPath and CSS fields; JSON values are never normalized") }
        return FieldSpec(name: name, expression: expression, options: options)
    }
}
