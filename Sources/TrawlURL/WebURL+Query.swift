extension WebURL {
    /// This URL with its query replaced by `query` (without the leading `?`); nil removes the `?`.
    ///
    /// `query` is percent-encoded with the WHATWG query encode set of the scheme, as the URL
    /// Standard's `search` setter does; escapes already present are kept, so an encoded query
    /// (such as another URL's ``query``) passes through unchanged. The fragment is kept.
    /// - Throws: ``URLParseError`` with code `too-long` when the result would be longer than
    ///   ``maximumLength``, the bound every `WebURL` keeps.
    public func replacingQuery(_ query: String?) throws(URLParseError) -> WebURL {
        var copy = self
        if let query {
            let set: PercentEncodeSet = URLRecord.isSpecial(scheme) ? .specialQuery : .query
            var encoded = ""
            encoded.reserveCapacity(query.utf8.count)
            for scalar in query.unicodeScalars {
                encoded.appendPercentEncoded(scalar, using: set)
            }
            copy.query = encoded
        } else {
            copy.query = nil
        }
        let length = copy.absoluteString.utf8.count
        if length > Self.maximumLength {
            throw URLParseError(
                .tooLong, input: copy.absoluteString, reason: "longer than \(Self.maximumLength) characters")
        }
        return copy
    }

    /// This URL with query parameters removed and, optionally, the rest sorted by name: the
    /// canonical-form options a crawler applies before deduplication.
    ///
    /// The query is split on `&` into parameters; a parameter's name is the text before its
    /// first `=`, exactly as written (still percent-encoded). Parameters for which
    /// `shouldRemove` returns true are removed. With `sortingByName`, the rest are ordered by
    /// name, comparing UTF-8 bytes with percent-escape hex digits uppercased (`%2f` sorts as
    /// `%2F`, as ``canonicalString`` writes it); the sort is stable, so repeated names keep
    /// their values' order. Empty parameters (`a=1&&b=2`, a trailing `&`) are dropped, and a
    /// query left with no parameter drops its `?` (so a bare `?` goes too).
    ///
    /// Never lengthens the URL, so unlike ``replacingQuery(_:)`` it cannot fail. Returns `self`
    /// unchanged when there is no query.
    package func normalizingQuery(
        removingParametersWhere shouldRemove: (_ rawName: Substring) -> Bool, sortingByName: Bool
    ) -> WebURL {
        guard let query else { return self }
        var kept: [Substring] = []
        var changed = false
        for parameter in query.split(separator: "&", omittingEmptySubsequences: false) {
            if parameter.isEmpty || shouldRemove(Self.name(of: parameter)) {
                changed = true
                continue
            }
            kept.append(parameter)
        }
        if sortingByName, kept.count > 1 {
            let sorted = Self.stablySortedByName(kept)
            if sorted != kept {
                kept = sorted
                changed = true
            }
        }
        if kept.isEmpty {
            changed = true
        }
        guard changed else { return self }
        var copy = self
        copy.query = kept.isEmpty ? nil : kept.joined(separator: "&")
        return copy
    }

    /// The name of a query parameter decoded the way HTML forms encode it
    /// (`application/x-www-form-urlencoded`): `+` is a space, `%xx` escapes are bytes, and
    /// the bytes are read as UTF-8 (invalid sequences become U+FFFD).
    package static func formDecodedQueryName(_ rawName: Substring) -> String {
        let plusAsSpace = rawName.utf8.contains(UInt8(ascii: "+"))
            ? String(rawName).replacingPlusWithSpace() : String(rawName)
        return String(decoding: PercentEncoding.decode(plusAsSpace), as: UTF8.self)
    }

    /// The text before the first `=` of a parameter, or all of it.
    private static func name(of parameter: Substring) -> Substring {
        if let equals = parameter.utf8.firstIndex(of: UInt8(ascii: "=")) {
            return parameter[..<equals]
        }
        return parameter
    }

    /// `parameters` ordered by name; equal names keep their relative order.
    private static func stablySortedByName(_ parameters: [Substring]) -> [Substring] {
        // Sorting (key, position) pairs makes stability explicit instead of relying on the
        // standard library's current algorithm.
        let keyed = parameters.enumerated().map { index, parameter in
            (key: Array(PercentEncoding.uppercasingEscapes(String(name(of: parameter))).utf8), index: index)
        }
        let order = keyed.sorted { a, b in
            a.key == b.key ? a.index < b.index : a.key.lexicographicallyPrecedes(b.key)
        }
        return order.map { parameters[$0.index] }
    }
}

extension String {
    fileprivate func replacingPlusWithSpace() -> String {
        String(decoding: utf8.map { $0 == UInt8(ascii: "+") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    }
}
