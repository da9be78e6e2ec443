import TrawlCore

/// The directives of every `Cache-Control` field line of a request or a response (RFC 9111 §5.2).
///
/// A plain value; `Sendable`. Directive names are matched case-insensitively and arguments may be
/// tokens or quoted strings, as §5.2 asks of recipients. Numeric arguments follow §1.2.2 and
/// §4.2.1: a value too large becomes 2^31, and an invalid or conflicting value reads as 0, so an
/// invalid `max-age` makes the response stale rather than fresh. Unknown directives are kept in
/// ``directives`` and otherwise ignored.
public struct CacheControl: Sendable, Hashable {
    /// One directive: its lowercased name and its argument with any quotes removed.
    public struct Directive: Sendable, Hashable {
        public var name: String
        public var argument: String?

        public init(name: String, argument: String? = nil) {
            self.name = name
            self.argument = argument
        }
    }

    /// The largest delta-seconds value kept; larger ones are clamped to it (RFC 9111 §1.2.2).
    public static let maximumDeltaSeconds = 2_147_483_648

    /// Every directive in field order.
    public var directives: [Directive]

    /// Parses all `Cache-Control` field lines of `headers`.
    public init(headers: HTTPHeaders) {
        self.init(headers.values(named: "Cache-Control").joined(separator: ","))
    }

    /// Parses one `Cache-Control` field value.
    public init(_ value: String) {
        directives = Self.split(value).compactMap(Self.directive)
    }

    /// Whether the directive `name` (lowercase) is present, with or without an argument.
    public func contains(_ name: String) -> Bool {
        directives.contains { $0.name == name }
    }

    /// `max-age` in seconds: the response's freshness lifetime, or in a request the oldest
    /// response the client accepts. 0 when invalid or given twice with different values.
    public var maxAge: Int? { seconds("max-age") }
    /// `s-maxage`, parsed for completeness; a private cache ignores it (RFC 9111 §5.2.2.10).
    public var sharedMaxAge: Int? { seconds("s-maxage") }
    /// Request `max-stale`: how stale a response the client accepts; without an argument, any.
    public var maxStale: Int? {
        guard contains("max-stale") else { return nil }
        if directives.allSatisfy({ $0.name != "max-stale" || $0.argument == nil }) {
            return Self.maximumDeltaSeconds
        }
        return seconds("max-stale")
    }
    /// Request `min-fresh`: how long the response must stay fresh to be used.
    public var minFresh: Int? { seconds("min-fresh") }

    /// `no-store`: never store the response (RFC 9111 §5.2.1.5, §5.2.2.5).
    public var noStore: Bool { contains("no-store") }
    /// `no-cache`, qualified or not: never use the stored response without revalidating it.
    public var noCache: Bool { contains("no-cache") }
    /// The field names of a qualified `no-cache="..."`, lowercased; empty when unqualified.
    ///
    /// The policy treats the qualified form as the unqualified one, as RFC 9111 §5.2.2.4 notes
    /// most caches do: Trawl replays whole responses and cannot leave fields out.
    public var noCacheFieldNames: [String] { fieldNames("no-cache") }
    /// `must-revalidate`: a stale response is never used unvalidated, not even offline.
    public var mustRevalidate: Bool { contains("must-revalidate") }
    /// `proxy-revalidate`: like `must-revalidate` for shared caches only; a private cache ignores it.
    public var proxyRevalidate: Bool { contains("proxy-revalidate") }
    /// `public`: storable and heuristically cacheable whatever the status (RFC 9111 §5.2.2.9).
    public var isPublic: Bool { contains("public") }
    /// `private`: storable by a private cache such as Trawl's (RFC 9111 §5.2.2.7).
    public var isPrivate: Bool { contains("private") }
    /// `immutable` (RFC 8246): the response will not change while fresh.
    public var immutable: Bool { contains("immutable") }
    /// `must-understand`: store only if the status code's caching rules are implemented; then
    /// `no-store` is ignored (RFC 9111 §5.2.2.3).
    public var mustUnderstand: Bool { contains("must-understand") }
    /// Request `only-if-cached`: never contact the server (RFC 9111 §5.2.1.7).
    public var onlyIfCached: Bool { contains("only-if-cached") }

    private func seconds(_ name: String) -> Int? {
        let values = directives.filter { $0.name == name }.map { Self.deltaSeconds($0.argument) }
        guard let first = values.first else { return nil }
        // Two different values for one directive: RFC 9111 §4.2.1 allows "stale" as the answer.
        return values.allSatisfy { $0 == first } ? first : 0
    }

    private func fieldNames(_ name: String) -> [String] {
        directives.filter { $0.name == name }.flatMap { directive in
            (directive.argument ?? "").split(separator: ",").map { $0.trimmingWhitespace().lowercased() }
                .filter { !$0.isEmpty }
        }
    }

    /// A delta-seconds argument (RFC 9111 §1.2.2): digits only, clamped to 2^31; 0 when invalid.
    static func deltaSeconds(_ argument: String?) -> Int {
        guard let argument, !argument.isEmpty, argument.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        else { return 0 }
        var value = 0
        for digit in argument.utf8 {
            value = value * 10 + Int(digit - 0x30)
            if value >= maximumDeltaSeconds { return maximumDeltaSeconds }
        }
        return value
    }

    /// Splits a field value at commas that are not inside a quoted string.
    private static func split(_ value: String) -> [Substring] {
        var parts: [Substring] = []
        var start = value.startIndex, index = value.startIndex
        var quoted = false, escaped = false
        while index < value.endIndex {
            let character = value[index]
            if escaped {
                escaped = false
            } else if quoted && character == "\\" {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
            } else if character == "," && !quoted {
                parts.append(value[start..<index])
                start = value.index(after: index)
            }
            index = value.index(after: index)
        }
        parts.append(value[start...])
        return parts
    }

    private static func directive(_ part: Substring) -> Directive? {
        let text = String(part).trimmingWhitespace()
        guard !text.isEmpty else { return nil }
        guard let equals = text.firstIndex(of: "=") else {
            return Directive(name: text.lowercased())
        }
        let name = String(text[..<equals]).trimmingWhitespace().lowercased()
        guard !name.isEmpty else { return nil }
        return Directive(name: name, argument: unquote(String(text[text.index(after: equals)...]).trimmingWhitespace()))
    }

    private static func unquote(_ text: String) -> String {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return text }
        var result = "", escaped = false
        for character in text.dropFirst().dropLast() {
            if escaped {
                result.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
