extension URLParser {
    // MARK: File

    mutating func file(_ c: Unicode.Scalar?) throws(URLParseError) {
        url.scheme = "file"
        url.host = ""
        if c == "/" || c == "\\" {
            state = .fileSlash
        } else if let base, base.scheme == "file" {
            url.host = base.host
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
                if startsWithDriveLetter(at: pointer) {
                    url.segments = []
                } else {
                    url.shortenPath()
                }
                state = .path
                pointer -= 1
            }
        } else {
            state = .path
            pointer -= 1
        }
    }

    mutating func fileSlash(_ c: Unicode.Scalar?) throws(URLParseError) {
        if c == "/" || c == "\\" {
            state = .fileHost
            return
        }
        if let base, base.scheme == "file" {
            url.host = base.host
            if !startsWithDriveLetter(at: pointer), let first = base.segments.first,
               URLRecord.isNormalizedDriveLetter(first) {
                url.segments.append(first)
            }
        }
        state = .path
        pointer -= 1
    }

    mutating func fileHost(_ c: Unicode.Scalar?) throws(URLParseError) {
        guard c == nil || c == "/" || c == "\\" || c == "?" || c == "#" else {
            if let c { buffer.unicodeScalars.append(c) }
            return
        }
        pointer -= 1
        if URLRecord.isDriveLetter(buffer) {
            // The buffer is kept and becomes the first path segment.
            state = .path
        } else if buffer.isEmpty {
            url.host = ""
            state = .pathStart
        } else {
            var host = try parseHost(buffer)
            if host == "localhost" { host = "" }
            url.host = host
            buffer = ""
            state = .pathStart
        }
    }

    /// Whether the input at `index` starts with a Windows drive letter followed by
    /// the end or one of `/ \ ? #`.
    func startsWithDriveLetter(at index: Int) -> Bool {
        guard index >= 0, index + 1 < input.count, URLRecord.isASCIIAlpha(input[index]),
              input[index + 1] == ":" || input[index + 1] == "|" else { return false }
        if index + 2 == input.count { return true }
        let next = input[index + 2]
        return next == "/" || next == "\\" || next == "?" || next == "#"
    }

    // MARK: Path, query

    mutating func pathStart(_ c: Unicode.Scalar?) {
        if url.isSpecial {
            state = .path
            if c != "/", c != "\\" { pointer -= 1 }
        } else if c == "?" {
            url.query = ""
            state = .query
        } else if c == "#" {
            url.fragment = ""
            state = .fragment
        } else if c != nil {
            state = .path
            if c != "/" { pointer -= 1 }
        }
    }

    mutating func path(_ c: Unicode.Scalar?) {
        let slash = c == "/" || (url.isSpecial && c == "\\")
        guard let c, !slash, c != "?", c != "#" else {
            endSegment(followedBySlash: slash)
            if c == "?" {
                url.query = ""
                state = .query
            } else if c == "#" {
                url.fragment = ""
                state = .fragment
            }
            return
        }
        buffer.appendPercentEncoded(c, using: .path)
    }

    /// Appends the buffered segment, resolving `.` and `..` (also as `%2e`).
    private mutating func endSegment(followedBySlash slash: Bool) {
        let lowered = DomainMapper.lowercasedASCII(buffer)
        if lowered == ".." || lowered == ".%2e" || lowered == "%2e." || lowered == "%2e%2e" {
            url.shortenPath()
            if !slash { url.segments.append("") }
        } else if lowered == "." || lowered == "%2e" {
            if !slash { url.segments.append("") }
        } else {
            if url.scheme == "file", url.segments.isEmpty, URLRecord.isDriveLetter(buffer) {
                buffer = String(buffer.prefix(1)) + ":"
            }
            url.segments.append(buffer)
        }
        buffer = ""
    }

    mutating func opaquePath(_ c: Unicode.Scalar?) {
        if c == "?" {
            url.query = ""
            state = .query
        } else if c == "#" {
            url.fragment = ""
            state = .fragment
        } else if c == " " {
            // A space before "?" or "#" would be lost to trimming on reparse.
            if remainingStarts(with: "?") || remainingStarts(with: "#") {
                url.opaquePath?.append("%20")
            } else {
                url.opaquePath?.append(" ")
            }
        } else if let c {
            url.opaquePath?.appendPercentEncoded(c, using: .c0Control)
        }
    }

    mutating func query(_ c: Unicode.Scalar?) {
        if c == "#" {
            url.fragment = ""
            state = .fragment
        } else if let c {
            let set: PercentEncodeSet = url.isSpecial ? .specialQuery : .query
            url.query?.appendPercentEncoded(c, using: set)
        }
    }
}
