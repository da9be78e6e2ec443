import Foundation

/// The `--include` or `--exclude` regular expressions, matched against canonical URL strings.
///
/// Patterns use ICU syntax (NSRegularExpression) and match anywhere in the string unless
/// anchored with `^` or `$`; they are compiled once, here. Measured on Linux, ICU matching
/// costs about a microsecond per call, most of it bridging the Swift string to `NSString`,
/// so patterns that are plain literals (`/blog/`, `\.pdf$`, `^https://example\.com/docs/`:
/// ASCII, no metacharacter except escaped punctuation and the anchors) skip ICU and are
/// matched as byte strings, over ten times faster, with the same result: canonical URLs
/// are ASCII and contain no line terminators, so `$` can only match at the end.
struct URLPatternList: Sendable {
    private let literals: [LiteralPattern]
    private let regexes: [CompiledRegex]

    /// Compiles `patterns`; `flag` (`--include` or `--exclude`) names them in errors.
    /// - Throws: ``LinkRulesError`` (`invalid-regex`) for the first pattern that does not compile.
    init(_ patterns: [String], flag: String) throws(LinkRulesError) {
        var literals: [LiteralPattern] = []
        var regexes: [CompiledRegex] = []
        for pattern in patterns {
            let regex: NSRegularExpression
            do {
                regex = try NSRegularExpression(pattern: pattern)
            } catch {
                throw LinkRulesError(
                    .invalidRegex, "invalid \(flag) regex '\(pattern)': \(Self.reason(pattern))")
            }
            if let literal = LiteralPattern(pattern) {
                literals.append(literal)
            } else {
                regexes.append(CompiledRegex(regex: regex))
            }
        }
        self.literals = literals
        self.regexes = regexes
    }

    /// Whether no pattern was given.
    var isEmpty: Bool { literals.isEmpty && regexes.isEmpty }

    /// Whether any pattern matches somewhere in `string`. Thread-safe.
    func matchesAny(_ string: String) -> Bool {
        if !literals.isEmpty {
            var copy = string  // `withUTF8` needs `inout`; the copy shares storage, nothing is copied.
            let found = copy.withUTF8 { bytes in literals.contains { $0.matches(bytes) } }
            if found { return true }
        }
        guard !regexes.isEmpty else { return false }
        let range = NSRange(location: 0, length: string.utf16.count)
        return regexes.contains { $0.regex.rangeOfFirstMatch(in: string, range: range).location != NSNotFound }
    }

    /// Why ICU rejected `pattern`. NSRegularExpression on Linux gives no reason at all, so the
    /// Swift Regex parser, whose syntax is nearly the same, is asked for one.
    private static func reason(_ pattern: String) -> String {
        do {
            _ = try Regex(pattern)
        } catch {
            let text = String(describing: error).split(whereSeparator: \.isNewline).first.map(String.init)
            if let text, !text.isEmpty { return text }
        }
        return "not a valid ICU regular expression"
    }
}

/// An NSRegularExpression shared by all the threads that admit links.
///
/// `@unchecked Sendable`: an NSRegularExpression is immutable after initialization and Apple
/// documents it as safe to use for matching from several threads at once (swift-corelibs-foundation
/// declares it Sendable; some SDKs do not, hence the wrapper).
private struct CompiledRegex: @unchecked Sendable {
    let regex: NSRegularExpression
}

/// A regular expression that is a plain literal, optionally anchored: matched on bytes.
private struct LiteralPattern: Sendable {
    private let bytes: [UInt8]
    private let anchoredAtStart: Bool
    private let anchoredAtEnd: Bool

    /// The literal `pattern` denotes, or nil when it uses any regex feature but `^`, `$` and
    /// backslash-escaped ASCII punctuation.
    init?(_ pattern: String) {
        var scalars = Substring(pattern).unicodeScalars[...]
        anchoredAtStart = scalars.first == "^"
        if anchoredAtStart { scalars = scalars.dropFirst() }
        var bytes: [UInt8] = []
        var anchoredAtEnd = false
        var escaped = false
        for scalar in scalars {
            guard scalar.isASCII, !anchoredAtEnd else { return nil }
            let byte = UInt8(scalar.value)
            if escaped {
                // `\d`, `\b`, `\Q`, `\1` and the like are regex features; `\.` or `\/` is a literal.
                guard Self.isPunctuation(byte) else { return nil }
                bytes.append(byte)
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else if scalar == "$" {
                anchoredAtEnd = true
            } else if Self.isMeta(byte) || byte < 0x20 || byte == 0x7F {
                return nil
            } else {
                bytes.append(byte)
            }
        }
        guard !escaped, !bytes.isEmpty else { return nil }
        self.bytes = bytes
        self.anchoredAtEnd = anchoredAtEnd
    }

    func matches(_ haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard haystack.count >= count else { return false }
        if anchoredAtStart && anchoredAtEnd { return haystack.count == count && occurs(in: haystack, at: 0) }
        if anchoredAtStart { return occurs(in: haystack, at: 0) }
        if anchoredAtEnd { return occurs(in: haystack, at: haystack.count - count) }
        let first = bytes[0]
        var start = 0
        while start <= haystack.count - count {
            if haystack[start] == first, occurs(in: haystack, at: start) { return true }
            start += 1
        }
        return false
    }

    private func occurs(in haystack: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        var i = 0
        while i < bytes.count {
            if haystack[start + i] != bytes[i] { return false }
            i += 1
        }
        return true
    }

    private static func isMeta(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: "|"), UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "+"),
            UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
            UInt8(ascii: "}"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "\\"):
            return true
        default:
            return false
        }
    }

    /// ASCII punctuation and space, which ICU treats as literal after a backslash.
    private static func isPunctuation(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte < 0x7F && !(byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            && !(byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            && !(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }
}
