/// One field to extract: its name, its expression and how matches become its value.
///
/// Plain configuration shared by every front end (the command line's `--extract`, a config
/// file); the processors compile the expression before the crawl starts.
public struct FieldSpec: Sendable, Hashable {
    /// The field's name in the item; never ``Item/urlFieldName``.
    public var name: String
    public var expression: FieldExpression
    public var options: FieldOptions

    public init(name: String, expression: FieldExpression, options: FieldOptions = FieldOptions()) {
        self.name = name
        self.expression = expression
        self.options = options
    }
}
