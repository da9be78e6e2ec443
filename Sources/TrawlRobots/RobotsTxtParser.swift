/// Reads robots.txt bytes line by line into groups and sitemaps (RFC 9309 §2.1–2.2).
///
/// Works on octets, not characters, so invalid UTF-8 or binary garbage cannot fail: lines that
/// are not `key: value` with a known key are skipped. Lines end at LF, CR or CRLF; `#` starts a
/// comment anywhere; blank lines and lines of other keys (Sitemap, Crawl-delay, unknown) neither
/// start nor end a group, only a user-agent line after a rule does.
struct RobotsTxtParser {
    private(set) var groups: [RobotsGroup] = []
    private(set) var sitemaps: [String] = []
    /// Whether the current group has had a rule line, so the next user-agent line starts a new group.
    private var currentGroupHasRules = false

    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Parses a whole file (already cut to `RobotsTxt.maximumParsedBytes`).
    mutating func parse(_ bytes: [UInt8]) {
        var index = Self.bodyStart(of: bytes)
        var lineStart = index
        var lineNumber = 1
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == Self.lineFeed || byte == Self.carriageReturn else {
                index += 1
                continue
            }
            parseLine(bytes[lineStart..<index], number: lineNumber)
            lineNumber += 1
            index += 1
            if byte == Self.carriageReturn, index < bytes.count, bytes[index] == Self.lineFeed {
                index += 1
            }
            lineStart = index
        }
        if lineStart < bytes.count {
            parseLine(bytes[lineStart...], number: lineNumber)
        }
    }

    /// Where the text starts: after a UTF-8 byte order mark, or after the part of one that is
    /// there, as Google's parser does (a BOM is never content, and a cut one is still not).
    private static func bodyStart(of bytes: [UInt8]) -> Int {
        var index = 0
        while index < byteOrderMark.count, index < bytes.count, bytes[index] == byteOrderMark[index] {
            index += 1
        }
        return index
    }

    private mutating func parseLine(_ line: ArraySlice<UInt8>, number: Int) {
        let content = line.prefix { $0 != UInt8(ascii: "#") }
        guard let colon = content.firstIndex(of: UInt8(ascii: ":")),
              let directive = RobotsDirective(key: Self.trimmed(content[..<colon]))
        else { return }
        let value = Self.trimmed(content[content.index(after: colon)...])
        switch directive {
        case .userAgent:
            addUserAgent(value)
        case .allow:
            addRule(.allow, value: value, line: number)
        case .disallow:
            addRule(.disallow, value: value, line: number)
        case .crawlDelay:
            if let delay = Self.crawlDelay(value), !groups.isEmpty {
                groups[groups.count - 1].addCrawlDelay(delay)
            }
        case .sitemap:
            if !value.isEmpty {
                sitemaps.append(String(decoding: value, as: UTF8.self))
            }
        }
    }

    private mutating func addUserAgent(_ value: ArraySlice<UInt8>) {
        if groups.isEmpty || currentGroupHasRules {
            groups.append(RobotsGroup())
            currentGroupHasRules = false
        }
        // `*` followed by whitespace and more (`* # everyone`, `* foo`) still means every crawler,
        // as in Google's parser; `*bot` is not a product token and matches nothing.
        if value.first == UInt8(ascii: "*"), value.count == 1 || Self.isWhitespace(value[value.startIndex + 1]) {
            groups[groups.count - 1].includesAnyAgent = true
        } else {
            groups[groups.count - 1].tokens.append(RobotsAgent.lowercasedToken(value))
        }
    }

    private mutating func addRule(_ kind: RobotsRule.Kind, value: ArraySlice<UInt8>, line: Int) {
        // A rule before any user-agent line belongs to no group (RFC 9309 §2.1).
        guard !groups.isEmpty else { return }
        currentGroupHasRules = true
        // An empty value is no rule (`Disallow:` allows everything), but it still ends the
        // user-agent lines of the group.
        guard !value.isEmpty else { return }
        groups[groups.count - 1].rules.append(CompiledRobotsRule(kind: kind, value: value, line: line))
    }

    /// A Crawl-delay value in seconds: decimal digits with an optional fraction (`10`, `0.5`, `.5`,
    /// `2.`); anything else (signs, exponents, units, `inf`) is malformed and ignored.
    static func crawlDelay(_ value: ArraySlice<UInt8>) -> Double? {
        var digits = 0
        var points = 0
        for byte in value {
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                digits += 1
            } else if byte == UInt8(ascii: ".") {
                points += 1
            } else {
                return nil
            }
        }
        guard digits > 0, points <= 1, let delay = Double(String(decoding: value, as: UTF8.self)),
              delay.isFinite
        else { return nil }
        return delay
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while let first = slice.first, isWhitespace(first) { slice.removeFirst() }
        while let last = slice.last, isWhitespace(last) { slice.removeLast() }
        return slice
    }

    /// Space, tab, vertical tab and form feed (line ends never reach a line's content).
    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C
    }
}
