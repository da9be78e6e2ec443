/// The `an+b` argument of `:nth-child()` and its relatives: the positions `a*n + b` for
/// n = 0, 1, 2, … (1-based, counting element siblings).
struct CSSNthFormula: Equatable {
    var a: Int
    var b: Int

    /// Parses `odd`, `even`, `3`, `-n+3`, `2n + 1`, `n`… (ASCII case-insensitive, whitespace
    /// allowed around the sign of b), or returns nil.
    init?(_ text: String) {
        var scalars = Substring(text.lowercased()).unicodeScalars[...]
        Self.trimWhitespace(&scalars)
        switch String(scalars) {
        case "odd": self.init(a: 2, b: 1); return
        case "even": self.init(a: 2, b: 0); return
        default: break
        }
        guard let nIndex = scalars.firstIndex(of: "n") else {
            guard let b = Self.integer(scalars, signAllowed: true) else { return nil }
            self.init(a: 0, b: b)
            return
        }
        let coefficient = scalars[..<nIndex]
        let a: Int
        switch String(coefficient) {
        case "", "+": a = 1
        case "-": a = -1
        default:
            guard let value = Self.integer(coefficient, signAllowed: true) else { return nil }
            a = value
        }
        var remainder = scalars[scalars.index(after: nIndex)...]
        Self.trimWhitespace(&remainder)
        guard let sign = remainder.first else {
            self.init(a: a, b: 0)
            return
        }
        guard sign == "+" || sign == "-" else { return nil }
        remainder.removeFirst()
        Self.trimWhitespace(&remainder)
        guard let magnitude = Self.integer(remainder, signAllowed: false) else { return nil }
        self.init(a: a, b: sign == "-" ? -magnitude : magnitude)
    }

    init(a: Int, b: Int) {
        self.a = a
        self.b = b
    }

    /// An XPath 1.0 condition that holds when the 0-based sibling index `index` (an expression
    /// such as `count(preceding-sibling::*)`) is one of the formula's positions, or nil when
    /// every position matches.
    ///
    /// `index = a*n + b - 1` for some n ≥ 0 reduces to a comparison plus, when |a| > 1, a
    /// residue test; both operands of `mod` are kept non-negative because XPath's `mod`
    /// truncates towards zero.
    func condition(index: String) -> String? {
        let offset = b - 1
        if a == 0 {
            return offset < 0 ? "false()" : "\(index) = \(offset)"
        }
        let step = a.magnitude
        let residue = Self.residue(offset, modulo: step)
        let congruence = step == 1 ? nil : "\(index) mod \(step) = \(residue)"
        let bound: String?
        if a > 0 {
            bound = offset > 0 ? "\(index) >= \(offset)" : nil
        } else {
            if offset < 0 { return "false()" }
            bound = "\(index) <= \(offset)"
        }
        switch (bound, congruence) {
        case (nil, nil): return nil
        case (let bound?, nil): return bound
        case (nil, let congruence?): return congruence
        case (let bound?, let congruence?): return "\(bound) and \(congruence)"
        }
    }

    /// The non-negative remainder of `value` divided by `modulo` (> 0).
    private static func residue(_ value: Int, modulo: UInt) -> Int {
        let modulo = Int(modulo)
        let remainder = value % modulo
        return remainder < 0 ? remainder + modulo : remainder
    }

    /// A decimal integer of at most nine digits, optionally signed, with nothing else.
    private static func integer(_ scalars: Substring.UnicodeScalarView, signAllowed: Bool) -> Int? {
        var digits = scalars
        var negative = false
        if signAllowed, let sign = digits.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            digits.removeFirst()
        }
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ ("0"..."9").contains($0) }),
            let value = Int(String(digits))
        else { return nil }
        return negative ? -value : value
    }

    private static func trimWhitespace(_ scalars: inout Substring.UnicodeScalarView) {
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }
        while let first = scalars.first, isSpace(first) { scalars.removeFirst() }
        while let last = scalars.last, isSpace(last) { scalars.removeLast() }
    }
}
