import TrawlCore

/// RFC 9535 section 2.3.5.2.2 comparison semantics, with Nothing written as nil.
///
/// - Two Nothings are equal; Nothing equals no value.
/// - Numbers compare by value, exactly (`1 == 1.0 == 10e-1`, `-0 == 0`), never through Double.
/// - Strings are equal when their Unicode scalars are; `<` orders by scalar value. Swift's
///   `String ==` is not used because it treats canonically equivalent strings as equal.
/// - Arrays and objects are equal when deeply equal (object members in any order).
/// - `<` is defined only for two numbers or two strings; `<=` is `<` or `==`.
enum JSONPathComparison {
    enum Operator: String, Sendable, Hashable {
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    static func compare(_ lhs: JSONValue?, _ op: Operator, _ rhs: JSONValue?) -> Bool {
        switch op {
        case .equal: equal(lhs, rhs)
        case .notEqual: !equal(lhs, rhs)
        case .less: less(lhs, rhs)
        case .lessOrEqual: less(lhs, rhs) || equal(lhs, rhs)
        case .greater: less(rhs, lhs)
        case .greaterOrEqual: less(rhs, lhs) || equal(lhs, rhs)
        }
    }

    static func equal(_ lhs: JSONValue?, _ rhs: JSONValue?) -> Bool {
        switch (lhs, rhs) {
        case (nil, nil): true
        case (let a?, let b?): deepEqual(a, b)
        default: false
        }
    }

    static func less(_ lhs: JSONValue?, _ rhs: JSONValue?) -> Bool {
        switch (lhs, rhs) {
        case (.number(let a)?, .number(let b)?):
            return JSONPathNumber.order(a, b).less
        case (.string(let a)?, .string(let b)?):
            // UTF-8 byte order is code point order.
            return a.utf8.lexicographicallyPrecedes(b.utf8)
        default:
            return false
        }
    }

    /// Whether two strings are the same sequence of Unicode scalars (RFC 9535 string equality,
    /// used for member names too). Swift's `==` goes first because it is the fastest way to
    /// reject the many non-matching keys of a lookup; it also accepts canonically equivalent
    /// spellings (`é` and `e` + U+0301), which the byte comparison then rules out.
    @inline(__always)
    static func sameScalars(_ a: String, _ b: String) -> Bool {
        a == b && a.utf8.elementsEqual(b.utf8)
    }

    /// Deep equality with an explicit work list, so a hand-built document of any depth cannot
    /// overflow the stack.
    static func deepEqual(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        var pending = [(lhs, rhs)]
        while let (a, b) = pending.popLast() {
            switch (a, b) {
            case (.null, .null): continue
            case (.bool(let x), .bool(let y)): if x != y { return false }
            case (.number(let x), .number(let y)):
                if x != y, !JSONPathNumber.order(x, y).equal { return false }
            case (.string(let x), .string(let y)): if !sameScalars(x, y) { return false }
            case (.array(let x), .array(let y)):
                guard x.count == y.count else { return false }
                pending.append(contentsOf: zip(x, y))
            case (.object(let x), .object(let y)):
                guard x.count == y.count else { return false }
                for member in x {
                    guard let other = y.first(where: { sameScalars($0.key, member.key) }) else {
                        return false
                    }
                    pending.append((member.value, other.value))
                }
            default:
                return false
            }
        }
        return true
    }
}
