extension IRegexpParser {
    /// `charClassExpr = "[" [ "^" ] ( "-" / CCE1 ) *CCE1 [ "-" ] "]"`, after the `[`.
    ///
    /// `-` is literal only first or last; `[` , `\` and `]` must be escaped inside a class.
    mutating func characterClass() throws(IRegexpError) -> IRegexpCharacterSet {
        var set = IRegexpCharacterSet()
        if peek() == "^" {
            set.isNegated = true
            advance()
        }
        var first = true
        while true {
            guard let scalar = peek() else { throw error("unterminated character class") }
            if scalar == "]", !first {
                advance()
                return set
            }
            if scalar == "-" {
                guard first || peek(offset: 1) == "]" else { throw error("unescaped '-' in character class") }
                advance()
                set.ranges.append(0x2D...0x2D)
                first = false
                continue
            }
            first = false
            if scalar == "\\" {
                advance()
                if let category = try categoryEscape() {
                    set.categories.append(contentsOf: category.categories)
                    continue
                }
                position -= 1
            }
            let low = try classCharacter()
            var high = low
            if peek() == "-", let after = peek(offset: 1), after != "]" {
                advance()
                high = try classCharacter()
                guard low.value <= high.value else { throw error("character range out of order") }
            }
            set.ranges.append(low.value...high.value)
        }
    }

    /// `CCchar`: any scalar but `-`, `[`, `\`, `]` and surrogates, or a `SingleCharEsc`.
    private mutating func classCharacter() throws(IRegexpError) -> Unicode.Scalar {
        guard let scalar = peek() else { throw error("unterminated character class") }
        advance()
        switch scalar {
        case "\\": return try singleCharacterEscape()
        case "-", "[", "]": throw error("unexpected '\(scalar)' in character class")
        default: return scalar
        }
    }
}
