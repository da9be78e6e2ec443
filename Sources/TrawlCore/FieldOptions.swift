/// How a field's matches become its value: first match or all of them, text normalized or
/// raw, converted to a JSON type or not.
///
/// The default is one stable shape per field: the first match, whitespace-normalized, as it
/// is. A field never changes between a value and an array from one page to the next.
public struct FieldOptions: Sendable, Hashable {
    /// Always an array of every match, in document (nodelist) order; `[]` when nothing
    /// matched. Otherwise the field holds the first match only.
    public var all: Bool
    /// Keep HTML text exactly as in the page. Otherwise it is whitespace-normalized: trimmed,
    /// and every run of whitespace (Unicode, NBSP included) collapsed to one space. JSON
    /// values are data and are never normalized.
    public var raw: Bool
    /// The JSON type each value is converted to; nil keeps the value as extracted.
    public var type: FieldType?

    public init(all: Bool = false, raw: Bool = false, type: FieldType? = nil) {
        self.all = all
        self.raw = raw
        self.type = type
    }
}
