import Foundation
import Testing
import TrawlXML

@Suite struct XMLDocumentTests {
    @Test("a sitemap's locations are found with namespace-agnostic steps")
    func sitemap() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc>https://example.com/a</loc></url>
              <url><loc>https://example.com/b</loc></url>
            </urlset>
            """
        let document = try XMLDocument(parsing: Array(xml.utf8))
        let value = try document.evaluate(XPathExpression("//*[local-name()='loc']"))
        #expect(value == .nodes(["https://example.com/a", "https://example.com/b"]))
    }

    @Test("malformed XML is a parse error with libxml2's message")
    func malformed() {
        do {
            _ = try XMLDocument(parsing: Array("<a><b></a>".utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .parse)
            #expect(error.message.contains("line 1"))
        }
        #expect(throws: XMLError.self) { try XMLDocument(parsing: []) }
    }

    @Test("an external entity reference is not expanded: no file is read")
    func externalEntity() throws {
        let secret = try TemporaryFile(contents: "SECRET-CONTENT")
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY x SYSTEM "file://\(secret.path)">]>
            <r>before &x; after</r>
            """
        let document = try XMLDocument(parsing: Array(xml.utf8))
        let value = try document.evaluate(XPathExpression("string(/r)"))
        guard case .string(let text) = value else {
            Issue.record("expected a string")
            return
        }
        #expect(!text.contains("SECRET"))
        #expect(text.hasPrefix("before"))
    }

    @Test("external DTDs and parameter entities are not loaded")
    func externalDTD() throws {
        let dtd = try TemporaryFile(contents: "<!ATTLIST r loaded CDATA \"yes\">")
        let external = "<?xml version=\"1.0\"?><!DOCTYPE r SYSTEM \"file://\(dtd.path)\"><r/>"
        let parameter = """
            <?xml version="1.0"?><!DOCTYPE r [<!ENTITY % ext SYSTEM "file://\(dtd.path)"> %ext;]><r/>
            """
        for xml in [external, parameter] {
            let document = try XMLDocument(parsing: Array(xml.utf8))
            #expect(try document.evaluate(XPathExpression("string(/r/@loaded)")) == .string(""))
        }
    }
}

/// A file in the temporary directory, removed when the value is released.
final class TemporaryFile {
    let path: String

    init(contents: String) throws {
        path = NSTemporaryDirectory() + "trawl-xml-\(UUID().uuidString)"
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
