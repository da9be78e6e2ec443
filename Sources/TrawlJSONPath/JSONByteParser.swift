import TrawlCore

/// The work behind ``JSONParser``: one pass over a UTF-8 buffer with an explicit container stack.
///
/// Values of open containers are kept on one flat stack (and object keys on another) so that
/// closing a container is a single slice copy and no nested array is mutated in place.
struct JSONByteParser: ~Copyable {
    /// An open array or object: where its values (and keys) start on the flat stacks.
    private struct Frame {
        var isObject: Bool
        var valueStart: Int
        var keyStart: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    private var frames: [Frame] = []
    private var values = JSONParseStack<JSONValue>()
    private var keys = JSONParseStack<String>()
    /// Reused buffer for strings that contain escapes.
    var scratch: [UInt8] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Parses the whole buffer as one JSON text.
    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            position = 3
        }
        let value = try parseValueTree()
        skipWhitespace()
        if position < bytes.count {
            throw JSONParseError(.trailingData, at: position, "unexpected data after the value")
        }
        return value
    }

    // MARK: - Values and containers

    /// Parses one value, including everything nested inside it, without recursion.
    private mutating func parseValueTree() throws(JSONParseError) -> JSONValue {
        while true {
            var value: JSONValue
            if let scalar = try parseValueOrOpen() {
                value = scalar
            } else {
                continue  // a container was opened; parse its first value
            }
            // Attach the finished value to its parent; close parents that end here.
            while let frame = frames.last {
                values.push(value)
                skipWhitespace()
                guard position < bytes.count else { throw unexpectedEnd() }
                let byte = bytes[position]
                position += 1
                if byte == UInt8(ascii: ",") {
                    if frame.isObject { try parseKeyAndColon() }
                    break
                }
                if frame.isObject ? byte == UInt8(ascii: "}") : byte == UInt8(ascii: "]") {
                    value = close(frame)
                    continue
                }
                position -= 1
                throw JSONParseError(
                    .unexpectedCharacter, at: position,
                    frame.isObject ? "expected ',' or '}'" : "expected ',' or ']'")
            }
            if frames.isEmpty { return value }
        }
    }

    /// Parses a scalar or an empty container, or opens a container and returns nil.
    private mutating func parseValueOrOpen() throws(JSONParseError) -> JSONValue? {
        skipWhitespace()
        guard position < bytes.count else { throw unexpectedEnd() }
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try parseNumber())
        case UInt8(ascii: "{"):
            try open(isObject: true)
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                position += 1
                frames.removeLast()
                return .object([])
            }
            try parseKeyAndColon()
            return nil
        case UInt8(ascii: "["):
            try open(isObject: false)
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                position += 1
                frames.removeLast()
                return .array([])
            }
            return nil
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        default:
            throw JSONParseError(.unexpectedCharacter, at: position, "expected a value")
        }
    }

    private mutating func open(isObject: Bool) throws(JSONParseError) {
        guard frames.count < JSONParser.maximumDepth else {
            throw JSONParseError(
                .tooDeep, at: position, "nesting deeper than \(JSONParser.maximumDepth) levels")
        }
        position += 1
        frames.append(Frame(isObject: isObject, valueStart: values.count, keyStart: keys.count))
    }

    private mutating func close(_ frame: Frame) -> JSONValue {
        frames.removeLast()
        guard frame.isObject else { return .array(values.popAll(from: frame.valueStart)) }
        return .object(
            values.popAll(from: frame.valueStart, pairedWith: &keys, from: frame.keyStart) {
                JSONMember(key: $0, value: $1)
            })
    }

    /// Parses `"key" :` inside an object and pushes the key.
    private mutating func parseKeyAndColon() throws(JSONParseError) {
        skipWhitespace()
        guard position < bytes.count else { throw unexpectedEnd() }
        guard bytes[position] == UInt8(ascii: "\"") else {
            throw JSONParseError(.unexpectedCharacter, at: position, "expected a string key")
        }
        keys.push(try parseString())
        skipWhitespace()
        guard position < bytes.count else { throw unexpectedEnd() }
        guard bytes[position] == UInt8(ascii: ":") else {
            throw JSONParseError(.unexpectedCharacter, at: position, "expected ':'")
        }
        position += 1
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let count = literal.utf8CodeUnitCount
        let start = literal.utf8Start
        for offset in 0..<count {
            guard position + offset < bytes.count else {
                throw unexpectedEnd()
            }
            guard bytes[position + offset] == start[offset] else {
                throw JSONParseError(.unexpectedCharacter, at: position + offset, "expected '\(literal)'")
            }
        }
        position += count
    }

    // MARK: - Helpers

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    func unexpectedEnd() -> JSONParseError {
        JSONParseError(.unexpectedEnd, at: bytes.count, "unexpected end of input")
    }
}
