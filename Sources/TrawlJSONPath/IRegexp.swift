/// An I-Regexp (RFC 9485) compiled to a small automaton, for JSONPath `match()` and `search()`.
///
/// Why not `Regex` or `NSRegularExpression`: `Regex` is not `Sendable`, so it could not live in
/// a compiled query shared across threads, and both backtrack, so a pattern taken from a
/// crawled document (`match(@.a, $.pattern)`) could take exponential time. This matcher
/// simulates the automaton over all threads at once (a Pike VM): time is linear in
/// `subject length × program size`, and the I-Regexp semantics are exact:
/// - matching is on Unicode scalars; `.` is any scalar except U+000A and U+000D;
/// - `match` is anchored at both ends, `search` is not;
/// - `^` and `$` assert the start and the end of the subject. RFC 9485's grammar makes them
///   ordinary characters, but the JSONPath compliance suite (`functions, match, explicit
///   caret` / `explicit dollar`) and the RFC's mappings to PCRE and ECMAScript treat them as
///   anchors, so this matcher does too; a literal one is written `\^` or `[$]`;
/// - `\p{…}` / `\P{…}` use the stdlib's Unicode general categories.
///
/// Limits: groups nest at most ``maximumNesting`` deep and a pattern compiles to at most
/// ``maximumProgramSize`` instructions (`a{1000}{1000}` is refused rather than expanded).
/// A refused pattern is an error here and makes `match` / `search` false.
///
/// Thread safety: an immutable value; match from any thread.
struct IRegexp: Sendable, Hashable {
    /// Deeper group nesting is refused: the parser is recursive.
    static let maximumNesting = 64
    /// Larger programs are refused: bounded repetitions are expanded into copies.
    static let maximumProgramSize = 10_000

    enum Instruction: Sendable, Hashable {
        case scalar(Unicode.Scalar)
        case set(IRegexpCharacterSet)
        /// Continue at both targets (the first is preferred, which does not matter for a yes/no answer).
        case split(Int, Int)
        case jump(Int)
        /// `^`: continue only at the start of the subject.
        case assertStart
        /// `$`: continue only at the end of the subject.
        case assertEnd
        case match
    }

    /// The pattern as given.
    let pattern: String
    let program: [Instruction]

    /// Compiles `pattern`; throws when it is not an I-Regexp or exceeds the limits.
    init(_ pattern: String) throws(IRegexpError) {
        self.pattern = pattern
        var parser = IRegexpParser(pattern)
        self.program = try parser.compile()
    }

    static func == (lhs: IRegexp, rhs: IRegexp) -> Bool { lhs.pattern == rhs.pattern }
    func hash(into hasher: inout Hasher) { hasher.combine(pattern) }

    /// Whether the whole of `subject` matches (`match()`).
    func matchesWhole(_ subject: String) -> Bool { run(subject, anywhere: false) }

    /// Whether some substring of `subject` matches (`search()`).
    func matchesPart(of subject: String) -> Bool { run(subject, anywhere: true) }

    private func run(_ subject: String, anywhere: Bool) -> Bool {
        let scalars = subject.unicodeScalars
        var threads = Threads(size: program.count)
        var current: [Int] = []
        var next: [Int] = []
        var index = scalars.startIndex
        var matched = threads.add(0, to: &current, in: program, atStart: true, atEnd: index == scalars.endIndex)
        while index != scalars.endIndex {
            if matched, anywhere { return true }
            let scalar = scalars[index]
            index = scalars.index(after: index)
            let atEnd = index == scalars.endIndex
            threads.generation += 1
            next.removeAll(keepingCapacity: true)
            matched = false
            for pc in current where consumes(program[pc], scalar) {
                if threads.add(pc + 1, to: &next, in: program, atStart: false, atEnd: atEnd) { matched = true }
            }
            if anywhere, threads.add(0, to: &next, in: program, atStart: false, atEnd: atEnd) { matched = true }
            swap(&current, &next)
            // No thread left: the rest of the subject cannot be matched. (A search restarts at
            // every position, and `$` may still match at the end, so it goes on.)
            if current.isEmpty, !anywhere, !atEnd { return false }
        }
        return matched
    }

    private func consumes(_ instruction: Instruction, _ scalar: Unicode.Scalar) -> Bool {
        switch instruction {
        case .scalar(let expected): expected == scalar
        case .set(let set): set.contains(scalar)
        default: false
        }
    }

    /// The thread lists of one step, deduplicated by program counter with generation stamps.
    private struct Threads {
        var marks: [Int]
        var generation = 0
        var stack: [Int] = []

        init(size: Int) { marks = Array(repeating: -1, count: size) }

        /// Adds `start` and everything reachable from it without consuming input; returns
        /// whether `match` is reachable.
        mutating func add(
            _ start: Int, to list: inout [Int], in program: [Instruction], atStart: Bool, atEnd: Bool
        ) -> Bool {
            var matched = false
            stack.append(start)
            while let pc = stack.popLast() {
                guard marks[pc] != generation else { continue }
                marks[pc] = generation
                switch program[pc] {
                case .jump(let target): stack.append(target)
                case .split(let first, let second):
                    stack.append(second)
                    stack.append(first)
                case .assertStart: if atStart { stack.append(pc + 1) }
                case .assertEnd: if atEnd { stack.append(pc + 1) }
                case .match: matched = true
                case .scalar, .set: list.append(pc)
                }
            }
            return matched
        }
    }
}

/// Why a pattern is not a usable I-Regexp; `description` is stable.
struct IRegexpError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Zero-based position in Unicode scalars.
    var position: Int
    var message: String

    var description: String { "invalid I-Regexp at \(position): \(message)" }
}
