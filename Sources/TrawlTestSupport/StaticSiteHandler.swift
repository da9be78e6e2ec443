import Foundation

/// Serves a directory of files as a web site, for the demo server and end-to-end tests.
///
/// Mapping, for GET and HEAD (anything else is 405):
/// - `/dir/` serves `dir/index.html`, or `dir/index.json` if there is no HTML index; `/dir` (a directory) redirects 301 to `/dir/`.
/// - `/api/pokemon/3` serves `api/pokemon/3.json` when no plain file of that name exists.
/// - A path with a `..` segment (also percent-encoded) or a NUL is refused with 400, so nothing
///   outside the root is ever read.
/// - Anything else missing is 404. The query string is ignored.
///
/// Content types come from the file extension (`.html` → `text/html; charset=utf-8`, …).
/// Files are read on every request, so edits show up without a restart.
public struct StaticSiteHandler: Sendable {
    /// The served directory, as an absolute, standardized path.
    public let root: String

    /// A handler for the directory at `root`.
    ///
    /// - Throws: ``TestServerError`` with code `badRoot` when `root` is not a readable directory.
    public init(root: String) throws {
        let url = URL(fileURLWithPath: root).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else { throw TestServerError(.badRoot, "not a directory: \(root)") }
        self.root = url.path
    }

    /// The response for `request`.
    @Sendable public func respond(_ request: TestRequest) -> TestResponse {
        guard request.method == "GET" || request.method == "HEAD" else {
            return TestResponse.status(405).adding(header: "Allow", value: "GET, HEAD")
        }
        guard let decoded = request.path.removingPercentEncoding, decoded.hasPrefix("/"),
            !decoded.contains("\0"),
            !decoded.split(separator: "/").contains(where: { $0 == ".." || $0.contains("\\") })
        else { return .status(400) }

        let relative = String(decoded.dropFirst())
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        let direct = relative.isEmpty ? root : root + "/" + relative
        if fileManager.fileExists(atPath: direct, isDirectory: &isDirectory) {
            if !isDirectory.boolValue { return file(at: direct) }
            guard decoded.hasSuffix("/") else {
                return .redirect(to: request.path + "/", status: 301)
            }
            let directory = direct.hasSuffix("/") ? direct : direct + "/"
            if fileManager.fileExists(atPath: directory + "index.html") {
                return file(at: directory + "index.html")
            }
            return file(at: directory + "index.json")
        }
        if !decoded.hasSuffix("/"), fileManager.fileExists(atPath: direct + ".json") {
            return file(at: direct + ".json")
        }
        return .notFound
    }

    private func file(at path: String) -> TestResponse {
        guard let data = FileManager.default.contents(atPath: path) else { return .notFound }
        return TestResponse(
            status: 200, headers: [("Content-Type", Self.contentType(forPath: path))],
            body: Array(data))
    }

    /// The `Content-Type` for a file name, by extension; `application/octet-stream` if unknown.
    public static func contentType(forPath path: String) -> String {
        let ext = path.split(separator: "/").last?.split(separator: ".").dropFirst().last
            .map { $0.lowercased() } ?? ""
        switch ext {
        case "html", "htm": return "text/html; charset=utf-8"
        case "json": return "application/json"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "xml": return "application/xml"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "ico": return "image/x-icon"
        default: return "application/octet-stream"
        }
    }
}
