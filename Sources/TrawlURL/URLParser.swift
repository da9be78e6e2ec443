/// The WHATWG "basic URL parser": a state machine over the input's code points.
///
/// One parser value parses one input, optionally against a base record. The states
/// are split over this file (scheme and relative states), `URLParser+Authority.swift`
/// and `URLParser+Path.swift`.
struct URLParser {
    enum State {
        case schemeStart, scheme, noScheme
        case specialRelativeOrAuthority, pathOrAuthority, relative, relativeSlash
        case specialAuthoritySlashes, specialAuthorityIgnoreSlashes, authority, host, port
        case file, fileSlash, fileHost
        case pathStart, path, opaquePath, query, fragment
    }

    let original: String
    let input: [Unicode.Scalar]
    let base: URLRecord?
    var url = URLRecord()
    var state = State.schemeStart
    var buffer = ""
    var pointer = 0
    var atSignSeen = false
    var insideBrackets = false
    var passwordTokenSeen = false

    /// Prepares `string` for parsing: trims leading and trailing C0 controls and
    /// spaces and removes every tab, CR and LF, as the standard requires.
    init(_ string: String, base: URLRecord?) {
        original = string
        var scalars = Array(string.unicodeScalars)
        let isC0OrSpace: (Unicode.Scalar) -> Bool = { $0.value <= 0x20 }
        let start = scalars.firstIndex { !isC0OrSpace($0) } ?? scalars.count
        let end = (scalars.lastIndex { !isC0OrSpace($0) }).map { $0 + 1 } ?? start
        scalars = Array(scalars[start..<max(start, end)])
        scalars.removeAll { $0 == "\t" || $0 == "\n" || $0 == "\r" }
        input = scalars
        self.base = base
    }

    /// Runs the state machine to the end of the input.
    static func parse(_ string: String, base: URLRecord?) throws(URLParseError) -> URLRecord {
        var parser = URLParser(string, base: base)
        return try parser.run()
    }

    mutating func run() throws(URLParseError) -> URLRecord {
        if input.count > WebURL.maximumLength {
            throw fail(.tooLong, "longer than \(WebURL.maximumLength) characters")
        }
        while true {
            let c: Unicode.Scalar? = pointer < input.count ? input[pointer] : nil
            try step(c)
            if pointer >= input.count { break }
            pointer += 1
        }
        return url
    }

    private mutating func step(_ c: Unicode.Scalar?) throws(URLParseError) {
        switch state {
        case .schemeStart: schemeStart(c)
        case .scheme: try scheme(c)
        case .noScheme: try noScheme(c)
        case .specialRelativeOrAuthority:
            if c == "/", remainingStarts(with: "/") {
                state = .specialAuthorityIgnoreSlashes
                pointer += 1
            } else {
                state = .relative
                pointer -= 1
            }
        case .pathOrAuthority:
            if c == "/" {
                state = .authority
            } else {
                state = .path
                pointer -= 1
            }
        case .relative: try relative(c)
        case .relativeSlash: try relativeSlash(c)
        case .specialAuthoritySlashes:
            state = .specialAuthorityIgnoreSlashes
            if c == "/", remainingStarts(with: "/") {
                pointer += 1
            } else {
                pointer -= 1
            }
        case .specialAuthorityIgnoreSlashes:
            if c != "/", c != "\\" {
                state = .authority
                pointer -= 1
            }
        case .authority: try authority(c)
        case .host: try host(c)
        case .port: try port(c)
        case .file: try file(c)
        case .fileSlash: try fileSlash(c)
        case .fileHost: try fileHost(c)
        case .pathStart: pathStart(c)
        case .path: path(c)
        case .opaquePath: opaquePath(c)
        case .query: query(c)
        case .fragment:
            if let c { url.fragment?.appendPercentEncoded(c, using: .fragment) }
        }
    }

    // MARK: Scheme

    private mutating func schemeStart(_ c: Unicode.Scalar?) {
        if let c, URLRecord.isASCIIAlpha(c) {
            buffer.unicodeScalars.append(Self.asciiLowercased(c))
            state = .scheme
        } else {
            state = .noScheme
            pointer -= 1
        }
    }

    private mutating func scheme(_ c: Unicode.Scalar?) throws(URLParseError) {
        if let c, URLRecord.isASCIIAlpha(c) || URLRecord.isASCIIDigit(c) || c == "+" || c == "-" || c == "." {
            buffer.unicodeScalars.append(Self.asciiLowercased(c))
        } else if c == ":" {
            url.scheme = buffer
            buffer = ""
            if url.scheme == "file" {
                state = .file
            } else if url.isSpecial, let base, base.scheme == url.scheme {
                state = .specialRelativeOrAuthority
            } else if url.isSpecial {
                state = .specialAuthoritySlashes
            } else if remainingStarts(with: "/") {
                state = .pathOrAuthority
                pointer += 1
            } else {
                url.opaquePath = ""
                state = .opaquePath
            }
        } else {
            buffer = ""
            state = .noScheme
            pointer = -1
        }
    }

    private mutating func noScheme(_ c: Unicode.Scalar?) throws(URLParseError) {
        guard let base, base.opaquePath == nil || c == "#" else {
            throw noSchemeError()
        }
        if base.opaquePath != nil {
            url.scheme = base.scheme
            url.opaquePath = base.opaquePath
            url.query = base.query
            url.fragment = ""
            state = .fragment
        } else {
            state = base.scheme == "file" ? .file : .relative
            pointer -= 1
        }
    }

    /// Names the likelier problem: a malformed scheme, or a relative reference without a base.
    private func noSchemeError() -> URLParseError {
        let head = input.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if head.contains(":") {
            return fail(.invalidScheme, "invalid scheme")
        }
        if base != nil {
            return fail(.missingBase, "the base URL cannot be a base (opaque path)")
        }
        return fail(.missingBase, "relative URL without a base")
    }

    // MARK: Relative

    private mutating func relative(_ c: Unicode.Scalar?) throws(URLParseError) {
        guard let base else { throw fail(.missingBase, "relative URL without a base") }
        url.scheme = base.scheme
        if c == "/" || (url.isSpecial && c == "\\") {
            state = .relativeSlash
            return
        }
        url.username = base.username
        url.password = base.password
        url.host = base.host
        url.port = base.port
        url.segments = base.segments
        url.query = base.query
        if c == "?" {
            url.query = ""
            state = .query
        } else if c == "#" {
            url.fragment = ""
            state = .fragment
        } else if c != nil {
            url.query = nil
            url.shortenPath()
            state = .path
            pointer -= 1
        }
    }

    private mutating func relativeSlash(_ c: Unicode.Scalar?) throws(URLParseError) {
        guard let base else { throw fail(.missingBase, "relative URL without a base") }
        if url.isSpecial, c == "/" || c == "\\" {
            state = .specialAuthorityIgnoreSlashes
        } else if c == "/" {
            state = .authority
        } else {
            url.username = base.username
            url.password = base.password
            url.host = base.host
            url.port = base.port
            state = .path
            pointer -= 1
        }
    }

    // MARK: Helpers

    /// Whether the code points after the pointer begin with `prefix`.
    func remainingStarts(with prefix: String) -> Bool {
        var index = pointer + 1
        for scalar in prefix.unicodeScalars {
            guard index < input.count, input[index] == scalar else { return false }
            index += 1
        }
        return true
    }

    func fail(_ code: URLParseError.Code, _ reason: String) -> URLParseError {
        URLParseError(code, input: original, reason: reason)
    }

    static func asciiLowercased(_ c: Unicode.Scalar) -> Unicode.Scalar {
        (c >= "A" && c <= "Z") ? Unicode.Scalar(UInt8(c.value) + 0x20) : c
    }
}
