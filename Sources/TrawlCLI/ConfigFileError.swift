/// A problem in a crawl config file, at a line and column of it (both 1-based).
///
/// Its description is one line, `crawl.yml:12:9: unknown key 'feilds' (did you mean 'fields'?)`,
/// the form compilers use, so editors can jump to it.
struct ConfigFileError: Error, Hashable, CustomStringConvertible {
    var file: String
    var line: Int
    var column: Int
    var message: String

    var description: String { "\(file):\(line):\(column): \(message)" }
}
