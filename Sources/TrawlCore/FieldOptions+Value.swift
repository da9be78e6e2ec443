extension FieldOptions {
    /// The value of the field named `field` from its matches, or nil when the field is absent.
    ///
    /// - Without ``all``: the first match, converted to ``type``. No match, or a first match
    ///   that does not convert, gives no value: nil, or `null` when `nullMissing`.
    /// - With ``all``: an array of every match converted, `[]` when nothing matched; an element
    ///   that does not convert becomes `null`, so positions stay aligned with other fields.
    ///
    /// Every value that does not convert appends one line to `warnings`
    /// (`field "price": "N/A" is not a number`); the page itself is not failed.
    public func value(
        of matches: [JSONValue], field: String, nullMissing: Bool, warnings: inout [String]
    ) -> JSONValue? {
        if all {
            return .array(matches.map { convert($0, field: field, warnings: &warnings) ?? .null })
        }
        if let first = matches.first, let converted = convert(first, field: field, warnings: &warnings) {
            return converted
        }
        return nullMissing ? .null : nil
    }

    private func convert(_ value: JSONValue, field: String, warnings: inout [String]) -> JSONValue? {
        guard let type else { return value }
        if let converted = type.convert(value) { return converted }
        var shown = value.jsonText
        if shown.count > 60 { shown = String(shown.prefix(57)) + "..." }
        warnings.append("field \"\(field)\": \(shown) is not \(type == .integer ? "an" : "a") \(type)")
        return nil
    }
}
