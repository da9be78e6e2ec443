/// One selector of a segment (RFC 9535 section 2.3).
///
enum JSONPathSelector: Sendable, Hashable {
    /// `'name'`, `"name"` or `.name`: the first object member with this key.
    case name(String)
    /// `*`: every array element or object member value, in order.
    case wildcard
    /// `[i]`: an array element; negative indices count from the end.
    case index(Int)
    /// `[start:end:step]`: array elements by position.
    case slice(Slice)
    /// `[?expression]`: the array elements or member values for which the filter is true.
    case filter(JSONPathFilter)

    /// The parts of a slice selector; nil means the part was omitted.
    struct Slice: Sendable, Hashable {
        var start: Int?
        var end: Int?
        var step: Int?

        /// The selected indices of an array of `count` elements, in selection order.
        ///
        /// RFC 9535 section 2.3.4.2.2: bounds are normalized and clamped by the sign of the step;
        /// a step of zero selects nothing.
        func indices(count: Int) -> [Int] {
            let step = self.step ?? 1
            guard step != 0, count > 0 else { return [] }
            func normalize(_ i: Int) -> Int { i >= 0 ? i : count + i }
            var result: [Int] = []
            if step > 0 {
                let lower = min(max(normalize(start ?? 0), 0), count)
                let upper = min(max(normalize(end ?? count), 0), count)
                var i = lower
                while i < upper {
                    result.append(i)
                    i += step
                }
            } else {
                let upper = min(max(normalize(start ?? count - 1), -1), count - 1)
                let lower = min(max(end.map(normalize) ?? -1, -1), count - 1)
                var i = upper
                while lower < i {
                    result.append(i)
                    i += step
                }
            }
            return result
        }
    }
}
