/// The JSON type a field's value is converted to (`type:` in a field spec, `NAME:TYPE` on the
/// command line).
public enum FieldType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Text: numbers and booleans become their JSON text.
    case string
    /// A JSON number: a string must read as a finite decimal number (`12.5`, `-3`, `1e3`).
    case number
    /// A JSON integer: a string or number must have an integral value (`7`, `7.0`, `-12`).
    case integer
    /// `true` or `false`: from the strings `true`/`false`/`1`/`0` (any case) or the numbers 1 and 0.
    case boolean

    public var description: String { rawValue }
}
