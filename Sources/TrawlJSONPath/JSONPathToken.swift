/// One lexical token of a JSONPath query.
///
/// RFC 9535 allows whitespace in some places and forbids it in others (before `$`, right after
/// `.` and `..`, at the end), so each token records whether whitespace came before it and the
/// parser decides.
struct JSONPathToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// `$`
        case root
        /// `@` (filters only)
        case current
        /// `.`
        case dot
        /// `..`
        case doubleDot
        case openBracket, closeBracket, openParen, closeParen
        case comma, colon, star
        /// `?`, which starts a filter selector.
        case question
        /// A member-name shorthand, a function name, or `true` / `false` / `null`.
        case name(String)
        /// A quoted string literal, escapes decoded.
        case string(String)
        /// A number literal as written (`-1`, `2.5e3`); the parser checks what it allows.
        case number(String)
        /// A comparison or logical operator: `==`, `!=`, `<`, `<=`, `>`, `>=`, `&&`, `||`, `!`.
        case op(String)
        /// The end of the query.
        case end
    }

    var kind: Kind
    /// Position of the token's first scalar.
    var position: Int
    /// Whether RFC 9535 blank space came right before this token.
    var followsWhitespace: Bool
}
