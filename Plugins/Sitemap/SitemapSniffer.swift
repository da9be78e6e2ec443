/// Cheap looks at the first bytes of a body, before any parsing.
enum SitemapSniffer {
    /// Whether the first element in `bytes` is named `urlset` or `sitemapindex` (with any
    /// prefix), skipping a byte-order mark, the XML declaration, comments, processing
    /// instructions and a doctype. The parser checks the namespace afterwards.
    static func hasSitemapRoot(_ bytes: ArraySlice<UInt8>) -> Bool {
        var rest = bytes
        while let open = rest.firstIndex(of: UInt8(ascii: "<")) {
            rest = rest[rest.index(after: open)...]
            guard let first = rest.first else { return false }
            if first == UInt8(ascii: "?") || first == UInt8(ascii: "!") {
                let terminator: [UInt8] = rest.starts(with: Array("!--".utf8)) ? Array("-->".utf8) : [UInt8(ascii: ">")]
                guard let end = firstRange(of: terminator, in: rest) else { return false }
                rest = rest[end...]
                continue
            }
            let name = rest.prefix { byte in
                byte != UInt8(ascii: ">") && byte != UInt8(ascii: "/") && byte != 0x20 && byte != 0x09
                    && byte != 0x0A && byte != 0x0D
            }
            let local = name.lastIndex(of: UInt8(ascii: ":")).map { name[name.index(after: $0)...] } ?? name
            return local.elementsEqual("urlset".utf8) || local.elementsEqual("sitemapindex".utf8)
        }
        return false
    }

    /// Whether `bytes` open with `<?xml`, after a UTF-8 byte-order mark and whitespace.
    static func startsWithXMLDeclaration(_ bytes: ArraySlice<UInt8>) -> Bool {
        var rest = bytes
        if rest.starts(with: [0xEF, 0xBB, 0xBF]) { rest = rest.dropFirst(3) }
        let start = rest.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        return start.starts(with: Array("<?xml".utf8))
    }

    /// The index just past the first occurrence of `needle` in `haystack`.
    private static func firstRange(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> ArraySlice<UInt8>.Index? {
        guard let first = needle.first else { return haystack.startIndex }
        var index = haystack.startIndex
        while let candidate = haystack[index...].firstIndex(of: first) {
            if haystack[candidate...].starts(with: needle) { return candidate + needle.count }
            index = candidate + 1
        }
        return nil
    }
}
