import Foundation
import TrawlCore

/// The JSON line sent to the child for one page.
///
/// `{"id":7,"url":"…","status":200,"depth":1,"headers":{"content-type":"text/html"},"body":"…"}`:
/// header names are lowercased and repeated fields joined with `", "`; the body is `body` when
/// it is valid UTF-8 and `body_base64` otherwise. The line never contains a raw newline.
enum CommandRequest {
    static func line(id: Int, page: Page) -> [UInt8] {
        var out = "{\"id\":\(id),\"url\":"
        JSONValue.writeString(page.url, to: &out)
        out += ",\"status\":\(page.status),\"depth\":\(page.depth),\"headers\":{"
        for (index, (name, value)) in headerObject(page.headers).enumerated() {
            if index > 0 { out += "," }
            JSONValue.writeString(name, to: &out)
            out += ":"
            JSONValue.writeString(value, to: &out)
        }
        out += "},"
        if let text = String(validating: page.body, as: UTF8.self) {
            out += "\"body\":"
            JSONValue.writeString(text, to: &out)
        } else {
            out += "\"body_base64\":\"" + Data(page.body).base64EncodedString() + "\""
        }
        out += "}\n"
        return Array(out.utf8)
    }

    /// Header fields by lowercased name, in order of first appearance, repeated ones joined.
    static func headerObject(_ headers: HTTPHeaders) -> [(String, String)] {
        var names: [String] = []
        var values: [String: String] = [:]
        for field in headers {
            let name = field.name.lowercased()
            if let earlier = values[name] {
                values[name] = earlier + ", " + field.value
            } else {
                names.append(name)
                values[name] = field.value
            }
        }
        return names.map { ($0, values[$0] ?? "") }
    }
}
