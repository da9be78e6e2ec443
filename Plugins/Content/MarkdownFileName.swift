import Foundation
import TrawlURL

/// The relative path under a `--markdown-dir` where a page's Markdown goes, made from its URL.
///
/// `https://example.org/docs/intro.html?lang=en` becomes
/// `example.org/docs/intro.html-q-1f2e3d4c.md`: the host (with `_port` when not the default)
/// is the first folder, each path segment a folder, the last segment the file name with `.md`
/// added (`index.md` for a path ending in `/`). The result is:
/// - *stable*: a function of the URL alone, the same in every run;
/// - *collision-free*: whenever a name loses information (characters replaced, a query, upper
///   case that a case-insensitive disk would fold, a segment shortened, a name that is
///   reserved) it gains 8 hex digits of a hash of the whole URL, so two URLs never share a path;
/// - *safe on every filesystem*: letters and digits of any script (NFC), `-`, `_` and `.`
///   only, no segment over 64 bytes before its hash, no leading dot, no Windows device names, at most 200
///   bytes in all.
public enum MarkdownFileName {
    /// The longest segment kept as is, in UTF-8 bytes.
    static let maximumSegment = 64
    /// The longest relative path, in UTF-8 bytes: well inside Windows' 260 and any `NAME_MAX`.
    static let maximumPath = 200

    /// The relative path (with `/` separators) for `url`; nil when it is not an http(s) URL.
    public static func relativePath(for url: String) -> String? {
        guard let parsed = try? WebURL(url), parsed.isHTTP else { return nil }
        let hash = hexHash(parsed.removingFragment().absoluteString)
        var lossy = parsed.query != nil
        var host = parsed.host
        if let port = parsed.port { host += "_\(port)" }
        let hostFolder = sanitize(host, lossy: &lossy)
        var segments = parsed.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        let endsInSlash = segments.last?.isEmpty ?? true
        if endsInSlash {
            if !segments.isEmpty { segments.removeLast() }
            segments.append("index")
        } else if segments.last == "index" {
            lossy = true  // `/a/index` and `/a/` would both be `a/index.md`
        }
        if segments.contains(where: \.isEmpty) { lossy = true }
        var names = segments.filter { !$0.isEmpty }.map { sanitize(percentDecoded($0), lossy: &lossy) }
        if names.isEmpty { names = ["index"] }
        var path = ([hostFolder] + names).joined(separator: "/")
        if path.utf8.count > maximumPath - 16 {
            // Keep the leading folders that fit, then the hash as the file name.
            var kept = [hostFolder]
            var length = hostFolder.utf8.count
            for name in names.dropLast() where length + name.utf8.count + 1 <= maximumPath - 24 {
                kept.append(name)
                length += name.utf8.count + 1
            }
            return (kept + [hash]).joined(separator: "/") + ".md"
        }
        if lossy { path += (parsed.query != nil ? "-q-" : "-") + hash }
        return path + ".md"
    }

    /// A segment fit for any filesystem; sets `lossy` when it had to change anything.
    static func sanitize(_ segment: String, lossy: inout Bool) -> String {
        var out = ""
        for scalar in segment.precomposedStringWithCanonicalMapping.unicodeScalars {
            let properties = scalar.properties
            if properties.isUppercase || properties.changesWhenLowercased {
                out += String(scalar).lowercased()
                lossy = true
            } else if properties.isAlphabetic || properties.numericType != nil || scalar == "-" || scalar == "_" || scalar == "." {
                out.unicodeScalars.append(scalar)
            } else {
                if out.unicodeScalars.last != "-" { out += "-" }
                lossy = true
            }
        }
        while out.hasPrefix(".") {
            out.removeFirst()
            lossy = true
        }
        while out.hasSuffix(".") {
            out.removeLast()
            lossy = true
        }
        if out.utf8.count > maximumSegment {
            var cut = ""
            for character in out where cut.utf8.count + character.utf8.count <= maximumSegment { cut.append(character) }
            out = cut
            lossy = true
        }
        if out.isEmpty || reservedNames.contains(out.split(separator: ".").first.map(String.init) ?? out) {
            out = "_" + out
            lossy = true
        }
        return out
    }

    /// Windows device names, reserved in every folder and with any extension.
    static let reservedNames: Set<String> = [
        "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    ]

    /// `%XX` sequences decoded where they form UTF-8; anything else kept as written.
    static func percentDecoded(_ segment: String) -> String {
        guard segment.contains("%") else { return segment }
        var bytes: [UInt8] = []
        var utf8 = Array(segment.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let high = hexValue(utf8[utf8.startIndex]), let low = hexValue(utf8[utf8.startIndex + 1])
            {
                bytes.append(high << 4 | low)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? segment
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    /// 8 hex digits of FNV-1a over the text: stable across runs and platforms.
    static func hexHash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        let folded = UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
        let digits = String(folded, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
