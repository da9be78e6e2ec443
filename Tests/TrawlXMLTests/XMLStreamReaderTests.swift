import Testing
import TrawlXML

@Suite struct XMLStreamReaderTests {
    private static func events(_ xml: String) throws -> [XMLStreamEvent] {
        var events: [XMLStreamEvent] = []
        try XMLStreamReader.read(Array(xml.utf8)) { event in
            events.append(event)
            return true
        }
        return events
    }

    @Test("elements, text and CDATA arrive in document order with local names, namespaces and depths")
    func eventsInOrder() throws {
        let xml = """
            <?xml version="1.0"?><!-- note --><r xmlns="urn:a" xmlns:b="urn:b"><b:x/><y>1 &amp; 2<![CDATA[<3>]]></y></r>
            """
        #expect(try Self.events(xml) == [
            .startElement(localName: "r", namespace: "urn:a", depth: 0, isEmpty: false),
            .startElement(localName: "x", namespace: "urn:b", depth: 1, isEmpty: true),
            .startElement(localName: "y", namespace: "urn:a", depth: 1, isEmpty: false),
            .text("1 & 2"),
            .text("<3>"),
            .endElement(localName: "y", namespace: "urn:a", depth: 1),
            .endElement(localName: "r", namespace: "urn:a", depth: 0),
        ])
        #expect(try Self.events("<plain/>") == [.startElement(localName: "plain", namespace: nil, depth: 0, isEmpty: true)])
    }

    @Test("returning false from the visitor stops the read without an error")
    func stopEarly() throws {
        var count = 0
        try XMLStreamReader.read(Array("<r><a/><b/><c/></r>".utf8)) { _ in
            count += 1
            return count < 2
        }
        #expect(count == 2)
    }

    @Test("malformed and empty documents throw parse errors")
    func malformed() {
        #expect(throws: XMLError.self) { try Self.events("<a><b></a>") }
        #expect(throws: XMLError.self) { try Self.events("") }
    }

    @Test("an external entity is not expanded: no file is read")
    func externalEntity() throws {
        let secret = try TemporaryFile(contents: "SECRET-CONTENT")
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY x SYSTEM "file://\(secret.path)">]>
            <r>before &x; after</r>
            """
        let events = try Self.events(xml)
        let texts = events.compactMap { event -> String? in
            if case .text(let text) = event { return text }
            return nil
        }
        #expect(texts == ["before ", " after"])
    }
}
