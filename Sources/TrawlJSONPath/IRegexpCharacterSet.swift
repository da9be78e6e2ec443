/// A set of Unicode scalars: `.`, `[…]`, `[^…]`, `\p{…}` or `\P{…}` of an I-Regexp.
struct IRegexpCharacterSet: Sendable, Hashable {
    /// A `\p{…}` (or, negated, `\P{…}`) general-category test.
    struct Category: Sendable, Hashable {
        var members: [Unicode.GeneralCategory]
        var isNegated: Bool

        func contains(_ scalar: Unicode.Scalar) -> Bool {
            members.contains(scalar.properties.generalCategory) != isNegated
        }
    }

    var isNegated = false
    var ranges: [ClosedRange<UInt32>] = []
    var categories: [Category] = []

    /// I-Regexp `.`: any scalar but LF and CR.
    static let dot = IRegexpCharacterSet(isNegated: true, ranges: [0x0A...0x0A, 0x0D...0x0D])

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let found = ranges.contains { $0.contains(scalar.value) } || categories.contains { $0.contains(scalar) }
        return found != isNegated
    }

    /// The categories named by an RFC 9485 `IsCategory` (`L`, `Lu`, `Nd`, …), or nil.
    static func categories(named name: String) -> [Unicode.GeneralCategory]? {
        switch name {
        case "L": [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter]
        case "Lu": [.uppercaseLetter]
        case "Ll": [.lowercaseLetter]
        case "Lt": [.titlecaseLetter]
        case "Lm": [.modifierLetter]
        case "Lo": [.otherLetter]
        case "M": [.nonspacingMark, .spacingMark, .enclosingMark]
        case "Mn": [.nonspacingMark]
        case "Mc": [.spacingMark]
        case "Me": [.enclosingMark]
        case "N": [.decimalNumber, .letterNumber, .otherNumber]
        case "Nd": [.decimalNumber]
        case "Nl": [.letterNumber]
        case "No": [.otherNumber]
        case "P":
            [.connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation]
        case "Pc": [.connectorPunctuation]
        case "Pd": [.dashPunctuation]
        case "Ps": [.openPunctuation]
        case "Pe": [.closePunctuation]
        case "Pi": [.initialPunctuation]
        case "Pf": [.finalPunctuation]
        case "Po": [.otherPunctuation]
        case "Z": [.spaceSeparator, .lineSeparator, .paragraphSeparator]
        case "Zs": [.spaceSeparator]
        case "Zl": [.lineSeparator]
        case "Zp": [.paragraphSeparator]
        case "S": [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol]
        case "Sm": [.mathSymbol]
        case "Sc": [.currencySymbol]
        case "Sk": [.modifierSymbol]
        case "So": [.otherSymbol]
        case "C": [.control, .format, .surrogate, .privateUse, .unassigned]
        case "Cc": [.control]
        case "Cf": [.format]
        case "Cn": [.unassigned]
        case "Co": [.privateUse]
        default: nil
        }
    }
}
