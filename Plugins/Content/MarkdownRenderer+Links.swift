import TrawlCore
import TrawlURL

extension MarkdownRenderer {
    /// `reference` made absolute against ``base``, in a form Markdown reads as one
    /// destination (spaces, parentheses and angle brackets percent-encoded); nil for empty
    /// references, `javascript:` and references that do not resolve.
    func resolve(_ reference: String) -> String? {
        if let known = resolvedURLs[reference] { return known }
        let result = Self.absolute(reference, base: base)
        resolvedURLs[reference] = result
        return result
    }

    private static func absolute(_ reference: String, base: WebURL?) -> String? {
        let trimmed = reference.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        let lowered = trimmed.prefix(11).lowercased()
        if lowered.hasPrefix("javascript:") || lowered.hasPrefix("data:") { return nil }
        let text: String
        if let base, let url = try? base.resolving(trimmed) {
            text = url.absoluteString
        } else if let url = try? WebURL(trimmed) {
            text = url.absoluteString
        } else if lowered.hasPrefix("mailto:") || lowered.hasPrefix("tel:") {
            text = trimmed
        } else {
            return nil
        }
        return escapeDestination(text)
    }

    /// Percent-encodes the bytes that would end or break a Markdown link destination.
    static func escapeDestination(_ url: String) -> String {
        guard url.utf8.contains(where: { $0 == 0x20 || $0 == 0x28 || $0 == 0x29 || $0 == 0x3C || $0 == 0x3E }) else {
            return url
        }
        var out = ""
        for scalar in url.unicodeScalars {
            switch scalar {
            case " ": out += "%20"
            case "(": out += "%28"
            case ")": out += "%29"
            case "<": out += "%3C"
            case ">": out += "%3E"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
