import TrawlCore

/// A strict RFC 8259 JSON parser that keeps numbers as their literal text.
///
/// Foundation's `JSONSerialization` is not used because on Linux it turns `7` into a double and
/// cannot tell `1` from `true`; Trawl must write back exactly what the server sent.
///
/// Contract:
/// - Input is UTF-8. A leading byte order mark (`EF BB BF`) is skipped; anything other than
///   whitespace after the top-level value is an error.
/// - Object members are kept in document order, duplicate keys included. Lookups such as
///   `JSONValue[key]` and JSONPath name selectors take the first member with that key.
/// - Numbers are validated against the RFC 8259 grammar and kept as written (`-1.50e+3`).
/// - Strings are decoded (all escapes, `\uXXXX` surrogate pairs); a lone surrogate, an
///   unescaped control character or malformed UTF-8 is an error.
/// - Arrays and objects may nest at most ``maximumDepth`` levels (see there for why).
///
/// Thread safety: stateless; call from any thread.
public enum JSONParser {
    /// The deepest nesting of arrays and objects accepted; one more level is an error.
    ///
    /// The parser itself is iterative, but `JSONValue` is a recursive enum: releasing it,
    /// comparing it with `==`, hashing it and writing it out (`jsonText`) all recurse once per
    /// level. Without this cap a hostile page of 100,000 nested `[` would parse and then crash
    /// the crawler with a stack overflow when the value is written or freed; with it, the page
    /// fails as invalid JSON. 512 is far beyond real API responses.
    public static let maximumDepth = 512

    /// Parses a complete JSON document from UTF-8 bytes.
    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONByteParser(buffer)
            return Result { () throws(JSONParseError) -> JSONValue in try parser.parseDocument() }
        }
        return try result.get()
    }

    /// Parses a complete JSON document from text.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        var text = text
        let result: Result<JSONValue, JSONParseError> = text.withUTF8 { buffer in
            var parser = JSONByteParser(buffer)
            return Result { () throws(JSONParseError) -> JSONValue in try parser.parseDocument() }
        }
        return try result.get()
    }
}
