extension String {
    /// The string without leading and trailing whitespace (including newlines).
    public func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}

extension String {
    /// The string trimmed, with every run of whitespace (Unicode White_Space: spaces, tabs,
    /// newlines, NBSP…) replaced by one space: the text as a reader sees it in the page.
    public func normalizingWhitespace() -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }
}
