extension URLParser {
    /// Collects userinfo up to the last `@`, then rewinds so the host state sees the rest.
    mutating func authority(_ c: Unicode.Scalar?) throws(URLParseError) {
        if c == "@" {
            if atSignSeen { buffer = "%40" + buffer }
            atSignSeen = true
            for scalar in buffer.unicodeScalars {
                if scalar == ":", !passwordTokenSeen {
                    passwordTokenSeen = true
                    continue
                }
                if passwordTokenSeen {
                    url.password.appendPercentEncoded(scalar, using: .userinfo)
                } else {
                    url.username.appendPercentEncoded(scalar, using: .userinfo)
                }
            }
            buffer = ""
        } else if c == nil || c == "/" || c == "?" || c == "#" || (url.isSpecial && c == "\\") {
            if atSignSeen, buffer.isEmpty {
                throw fail(.missingHost, "missing host after credentials")
            }
            pointer -= buffer.unicodeScalars.count + 1
            buffer = ""
            state = .host
        } else if let c {
            buffer.unicodeScalars.append(c)
        }
    }

    mutating func host(_ c: Unicode.Scalar?) throws(URLParseError) {
        if c == ":", !insideBrackets {
            if buffer.isEmpty { throw fail(.missingHost, "missing host") }
            url.host = try parseHost(buffer)
            buffer = ""
            state = .port
        } else if c == nil || c == "/" || c == "?" || c == "#" || (url.isSpecial && c == "\\") {
            pointer -= 1
            if url.isSpecial, buffer.isEmpty {
                throw fail(.missingHost, "missing host")
            }
            if !url.isSpecial, buffer.isEmpty, url.hasCredentials || url.port != nil {
                throw fail(.invalidCredentials, "credentials without a host")
            }
            url.host = try parseHost(buffer)
            buffer = ""
            state = .pathStart
        } else if let c {
            if c == "[" { insideBrackets = true }
            if c == "]" { insideBrackets = false }
            buffer.unicodeScalars.append(c)
        }
    }

    mutating func port(_ c: Unicode.Scalar?) throws(URLParseError) {
        if let c, URLRecord.isASCIIDigit(c) {
            buffer.unicodeScalars.append(c)
        } else if c == nil || c == "/" || c == "?" || c == "#" || (url.isSpecial && c == "\\") {
            if !buffer.isEmpty {
                let digits = buffer.drop { $0 == "0" }
                guard digits.count <= 5, let port = Int(digits.isEmpty ? "0" : digits), port <= 65535 else {
                    throw fail(.invalidPort, "port \(buffer) is out of range 0-65535")
                }
                url.port = port == URLRecord.defaultPort(for: url.scheme) ? nil : port
                buffer = ""
            }
            state = .pathStart
            pointer -= 1
        } else {
            throw fail(.invalidPort, "invalid port")
        }
    }

    /// The host parser, reporting failures against the whole input.
    func parseHost(_ string: String) throws(URLParseError) -> String {
        do {
            return try HostParser.parse(string, isOpaque: !url.isSpecial)
        } catch {
            throw URLParseError(error.code, input: original, reason: error.reason)
        }
    }
}
