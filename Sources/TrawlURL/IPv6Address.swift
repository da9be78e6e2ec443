/// An IPv6 address: the WHATWG IPv6 parser and its compressing serializer.
struct IPv6Address {
    var pieces: [UInt16]

    /// Lowercase hex pieces, the first longest run of two or more zero pieces as `::`.
    var serialized: String {
        var bestStart = -1, bestLength = 1
        var index = 0
        while index < 8 {
            if pieces[index] == 0 {
                var end = index
                while end < 8, pieces[end] == 0 { end += 1 }
                if end - index > bestLength {
                    bestStart = index
                    bestLength = end - index
                }
                index = end
            } else {
                index += 1
            }
        }
        var result = ""
        var ignoring = false
        for (i, piece) in pieces.enumerated() {
            if ignoring, piece == 0 { continue }
            ignoring = false
            if i == bestStart {
                result.append(i == 0 ? "::" : ":")
                ignoring = true
                continue
            }
            result.append(String(piece, radix: 16))
            if i != 7 { result.append(":") }
        }
        return result
    }

    /// Parses the text between the brackets.
    static func parse(_ text: Substring) throws(HostParseFailure) -> IPv6Address {
        let input = Array(text.unicodeScalars)
        var pieces = [UInt16](repeating: 0, count: 8)
        var pieceIndex = 0
        var compress: Int?
        var p = 0
        func at(_ i: Int) -> Unicode.Scalar? { i < input.count ? input[i] : nil }

        if at(p) == ":" {
            guard at(p + 1) == ":" else { throw invalid(text, "leading single colon") }
            p += 2
            pieceIndex += 1
            compress = pieceIndex
        }
        while let c = at(p) {
            guard pieceIndex < 8 else { throw invalid(text, "too many pieces") }
            if c == ":" {
                guard compress == nil else { throw invalid(text, "more than one '::'") }
                p += 1
                pieceIndex += 1
                compress = pieceIndex
                continue
            }
            var value: UInt16 = 0
            var length = 0
            while length < 4, let h = at(p), h.isASCII, let digit = PercentEncoding.hexValue(UInt8(h.value)) {
                value = value * 0x10 + UInt16(digit)
                p += 1
                length += 1
            }
            if at(p) == "." {
                guard length > 0 else { throw invalid(text, "empty IPv4 part") }
                p -= length
                guard pieceIndex <= 6 else { throw invalid(text, "IPv4 part too late") }
                try parseIPv4Tail(input, from: p, into: &pieces, at: &pieceIndex, text: text)
                p = input.count
                break
            } else if at(p) == ":" {
                p += 1
                guard at(p) != nil else { throw invalid(text, "trailing colon") }
            } else if at(p) != nil {
                throw invalid(text, "unexpected character")
            }
            pieces[pieceIndex] = value
            pieceIndex += 1
        }
        if let compress {
            var swaps = pieceIndex - compress
            pieceIndex = 7
            while pieceIndex != 0, swaps > 0 {
                pieces.swapAt(pieceIndex, compress + swaps - 1)
                pieceIndex -= 1
                swaps -= 1
            }
        } else if pieceIndex != 8 {
            throw invalid(text, "too few pieces")
        }
        return IPv6Address(pieces: pieces)
    }

    /// The embedded dotted-quad form (`::ffff:1.2.3.4`): exactly four decimal parts.
    private static func parseIPv4Tail(
        _ input: [Unicode.Scalar], from start: Int, into pieces: inout [UInt16], at pieceIndex: inout Int,
        text: Substring
    ) throws(HostParseFailure) {
        var p = start
        var numbersSeen = 0
        while p < input.count {
            var value: Int?
            if numbersSeen > 0 {
                guard input[p] == ".", numbersSeen < 4 else { throw invalid(text, "bad IPv4 part") }
                p += 1
            }
            guard p < input.count, URLRecord.isASCIIDigit(input[p]) else { throw invalid(text, "bad IPv4 part") }
            while p < input.count, URLRecord.isASCIIDigit(input[p]) {
                let digit = Int(input[p].value - 0x30)
                if value == 0 { throw invalid(text, "leading zero in IPv4 part") }
                value = (value ?? 0) * 10 + digit
                guard let v = value, v <= 255 else { throw invalid(text, "IPv4 part out of range") }
                p += 1
            }
            let byte = UInt16(value ?? 0)
            pieces[pieceIndex] = pieces[pieceIndex] * 0x100 + byte
            numbersSeen += 1
            if numbersSeen == 2 || numbersSeen == 4 { pieceIndex += 1 }
        }
        guard numbersSeen == 4 else { throw invalid(text, "IPv4 part needs four numbers") }
    }

    private static func invalid(_ text: Substring, _ why: String) -> HostParseFailure {
        HostParseFailure(code: .invalidHost, reason: "invalid IPv6 address '\(text)': \(why)")
    }
}
