import TrawlCore
import TrawlJSONPath
import TrawlURL

/// One line the child wrote on stdout, and how it becomes a page's output.
///
/// `{"id":7,"items":[{"title":"…"}],"links":["/next"]}`, or `{"id":7,"error":"why"}`.
/// `items` and `links` may be left out. An item's members become its fields in order; a string
/// `url` member sets the item's URL (resolved against the page URL), which is otherwise the
/// page's. Links are resolved against the page URL; those that do not parse or are not http(s)
/// are skipped. Anything else of the wrong type fails the page.
enum CommandAnswer {
    /// What the reader thread makes of a line before anyone looks at the page.
    enum Parsed: Sendable {
        /// A JSON object with an integer `id`.
        case answer(id: Int, JSONValue)
        /// A line that cannot be matched to a page: not JSON, not an object, no integer `id`.
        case unmatched(reason: String)
    }

    /// The longest excerpt of a child's line quoted in an error message.
    static let excerptLength = 200

    static func parse(_ line: [UInt8], overflowed: Bool, limit: Int) -> Parsed {
        if overflowed { return .unmatched(reason: "answer longer than \(limit) bytes") }
        let value: JSONValue
        do { value = try JSONParser.parse(line) } catch { return .unmatched(reason: "not JSON (\(error))") }
        guard case .object = value else { return .unmatched(reason: "not a JSON object") }
        guard case .number(let literal)? = value["id"], let id = Int(literal) else {
            return .unmatched(reason: "no integer \"id\"")
        }
        return .answer(id: id, value)
    }

    /// The line as quoted in messages: at most ``excerptLength`` characters.
    static func excerpt(_ text: String) -> String {
        text.count > excerptLength ? String(text.prefix(excerptLength)) + "…" : text
    }

    /// The processor output for `answer` to `page`.
    static func output(from answer: JSONValue, page: Page) throws(CommandProcessorError) -> ProcessorOutput {
        func malformed(_ why: String) -> CommandProcessorError {
            CommandProcessorError(.malformedAnswer, "malformed answer (\(why)): \(excerpt(answer.jsonText))")
        }
        if let error = answer["error"] {
            guard case .string(let message) = error else { throw malformed("\"error\" is not a string") }
            throw CommandProcessorError(.failedByCommand, "the command failed the page: \(excerpt(message))")
        }
        let base = try? WebURL(page.url)
        var items: [Item] = []
        switch answer["items"] {
        case nil, .null?: break
        case .array(let values)?:
            for value in values {
                guard case .object(let members) = value else { throw malformed("an item is not an object") }
                var item = Item(url: page.url, fields: [])
                for member in members {
                    guard member.key == Item.urlFieldName else {
                        item.fields.append(Field(name: member.key, value: member.value))
                        continue
                    }
                    guard case .string(let reference) = member.value,
                        let url = base.flatMap({ try? $0.resolving(reference) }) ?? (try? WebURL(reference))
                    else { throw malformed("an item's \"url\" is not a URL string") }
                    item.url = url.description
                }
                items.append(item)
            }
        default: throw malformed("\"items\" is not an array")
        }
        var links: [WebURL] = []
        switch answer["links"] {
        case nil, .null?: break
        case .array(let values)?:
            for value in values {
                guard case .string(let reference) = value else { throw malformed("a link is not a string") }
                let resolved = base.flatMap { try? $0.resolving(reference) } ?? (try? WebURL(reference))
                if let resolved, resolved.isHTTP { links.append(resolved) }
            }
        default: throw malformed("\"links\" is not an array")
        }
        return ProcessorOutput(links: links, items: items)
    }
}
