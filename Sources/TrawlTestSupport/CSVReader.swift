/// A strict RFC 4180 reader for checking CSV output in tests.
///
/// Strict on purpose, so a test catches output that a lenient reader would forgive: every record
/// must end with CRLF, a bare CR or LF outside quotes is an error, a quote may only open a cell or
/// be doubled inside a quoted one, and text after a closing quote is an error.
public enum CSVReader {
    /// Why the text is not RFC 4180 CSV, with the offset (in Unicode scalars) where it went wrong.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let offset: Int
        public let reason: String
        public var description: String { "invalid CSV at \(offset): \(reason)" }
    }

    /// The records of `text`, each a list of cells; empty text has no records.
    public static func records(in text: String) throws(Failure) -> [[String]] {
        let scalars = Array(text.unicodeScalars)
        var records: [[String]] = []
        var record: [String] = []
        var cell = String.UnicodeScalarView()
        var index = 0
        var quoted = false  // inside a quoted cell
        var closedQuote = false  // just after a quoted cell's closing quote
        var cellStarted = false
        func fail(_ reason: String) -> Failure { Failure(offset: index, reason: reason) }
        while index < scalars.count {
            let scalar = scalars[index]
            if quoted {
                if scalar == "\"" {
                    if index + 1 < scalars.count && scalars[index + 1] == "\"" {
                        cell.append("\"")
                        index += 1
                    } else {
                        quoted = false
                        closedQuote = true
                    }
                } else {
                    cell.append(scalar)
                }
                index += 1
                continue
            }
            switch scalar {
            case "\"":
                guard !cellStarted else { throw fail("a quote inside an unquoted cell") }
                quoted = true
                cellStarted = true
            case ",":
                record.append(String(cell))
                cell = String.UnicodeScalarView()
                cellStarted = false
                closedQuote = false
            case "\r":
                guard index + 1 < scalars.count, scalars[index + 1] == "\n" else { throw fail("a CR without LF") }
                record.append(String(cell))
                records.append(record)
                record = []
                cell = String.UnicodeScalarView()
                cellStarted = false
                closedQuote = false
                index += 1
            case "\n":
                throw fail("a LF without CR")
            default:
                guard !closedQuote else { throw fail("text after a closing quote") }
                cell.append(scalar)
                cellStarted = true
            }
            index += 1
        }
        guard !quoted else { throw fail("an unterminated quoted cell") }
        guard record.isEmpty, !cellStarted, cell.isEmpty else { throw fail("the last record does not end with CRLF") }
        return records
    }
}
