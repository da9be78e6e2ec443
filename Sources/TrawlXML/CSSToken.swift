/// One token of a CSS selector, as ``CSSSelectorLexer`` produces it.
struct CSSToken: Equatable {
    enum Kind: Equatable {
        /// A name such as `div`, `data-id` or `-n`, with escapes decoded.
        case ident(String)
        /// A name immediately followed by `(`, which the token includes: `nth-child(`.
        case function(String)
        /// `#name`, holding the name.
        case hash(String)
        /// A quoted string, holding its decoded content.
        case string(String)
        /// An integer with an optional sign, such as `3` or `+1`, as written.
        case number(String)
        /// An integer followed by a name, such as `2n` or `2n-1`, as written.
        case dimension(String)
        /// An attribute matcher: `~=`, `|=`, `^=`, `$=` or `*=`.
        case matcher(String)
        /// One or more whitespace characters, which may be a descendant combinator.
        case whitespace
        /// Any other single character: `>`, `+`, `~`, `*`, `.`, `:`, `,`, `[`, `]`, `(`, `)`, `=`, `|`…
        case delimiter(Unicode.Scalar)
        /// The end of the source.
        case end
    }

    let kind: Kind
    /// The 1-based column of the token's first scalar.
    let column: Int
    /// The 1-based column just past the token's last scalar.
    let endColumn: Int

    /// The token as the user wrote it, for error messages.
    var quoted: String {
        switch kind {
        case .ident(let name): return "'\(name)'"
        case .function(let name): return "'\(name)('"
        case .hash(let name): return "'#\(name)'"
        case .string: return "a string"
        case .number(let text), .dimension(let text), .matcher(let text): return "'\(text)'"
        case .whitespace: return "whitespace"
        case .delimiter(let scalar): return "'\(Character(scalar))'"
        case .end: return "the end of the selector"
        }
    }

    func isDelimiter(_ scalar: Unicode.Scalar) -> Bool {
        kind == .delimiter(scalar)
    }
}
