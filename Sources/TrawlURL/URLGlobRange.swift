/// The body of one bracket glob, `start-end` or `start-end:step`.
struct URLGlobRange {
    private let body: String

    init(_ body: String) {
        self.body = body
    }

    /// The range's values; `fail` builds the error for a code and reason.
    /// Fails with `tooManyURLs` before building more than `limit` values.
    func values(
        limit: Int, _ fail: (URLGlobError.Code, String) -> URLGlobError
    ) throws(URLGlobError) -> [String] {
        var bounds = Substring(body)
        var step = 1
        if let colon = body.lastIndex(of: ":") {
            bounds = body[..<colon]
            let stepText = body[body.index(after: colon)...]
            guard !stepText.isEmpty, stepText.allSatisfy(\.isASCIIDigitCharacter), let value = Int(stepText) else {
                throw fail(.invalidRange, "invalid step in '[\(body)]'")
            }
            guard value > 0 else { throw fail(.zeroStep, "step 0 in '[\(body)]'") }
            step = value
        }
        let parts = bounds.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw fail(.invalidRange, "'[\(body)]' is not a range like [1-10] or [a-z]")
        }
        let (start, end) = (parts[0], parts[1])
        if start.allSatisfy(\.isASCIIDigitCharacter), end.allSatisfy(\.isASCIIDigitCharacter) {
            return try numbers(start, end, step: step, limit: limit, fail)
        }
        if let first = Self.letter(start), let last = Self.letter(end) {
            guard first.isLowercase == last.isLowercase else {
                throw fail(.mixedTypes, "mixed-case letter range '[\(body)]'")
            }
            guard first.value <= last.value else { throw fail(.reversedRange, "reversed range '[\(body)]'") }
            return stride(from: first.value, through: last.value, by: step).compactMap { value in
                Unicode.Scalar(value).map { String(Character($0)) }
            }
        }
        let kinds = [start, end].map { $0.allSatisfy(\.isASCIIDigitCharacter) || Self.letter($0) != nil }
        if kinds == [true, true] {
            throw fail(.mixedTypes, "range '[\(body)]' mixes digits and letters")
        }
        throw fail(.invalidRange, "'[\(body)]' is not a range like [1-10] or [a-z]")
    }

    private func numbers(
        _ start: Substring, _ end: Substring, step: Int, limit: Int, _ fail: (URLGlobError.Code, String) -> URLGlobError
    ) throws(URLGlobError) -> [String] {
        guard let low = Int(start), let high = Int(end) else {
            throw fail(.invalidRange, "number too large in '[\(body)]'")
        }
        guard low <= high else { throw fail(.reversedRange, "reversed range '[\(body)]'") }
        guard (high - low) / step < limit else {
            throw fail(.tooManyURLs, "range '[\(body)]' expands to more than \(limit) URLs")
        }
        let width = start.count > 1 && start.hasPrefix("0") ? start.count : 0
        return stride(from: low, through: high, by: step).map { value in
            let digits = String(value)
            return digits.count < width ? String(repeating: "0", count: width - digits.count) + digits : digits
        }
    }

    /// A single ASCII letter, or nil.
    private static func letter(_ text: Substring) -> Unicode.Scalar? {
        guard text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first,
              URLRecord.isASCIIAlpha(scalar) else { return nil }
        return scalar
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}

extension Unicode.Scalar {
    fileprivate var isLowercase: Bool { self >= "a" && self <= "z" }
}
