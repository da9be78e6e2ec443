import Testing
import TrawlXML

@Suite struct XPathExpressionTests {
    @Test("a valid expression keeps its source")
    func validExpression() throws {
        let expression = try XPathExpression("//meta[@name='description']/@content")
        #expect(expression.source == "//meta[@name='description']/@content")
        #expect(expression == (try XPathExpression("//meta[@name='description']/@content")))
    }

    @Test("an invalid expression reports libxml2's message with the source")
    func invalidExpression() {
        do {
            _ = try XPathExpression("//h1[")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .xpath)
            #expect(error.message.hasPrefix("invalid XPath '//h1[': "))
            #expect(error.message == "invalid XPath '//h1[': Invalid expression (at offset 5)")
        }
    }

    @Test("empty, unbalanced and NUL-containing expressions are rejected", arguments: [
        "", "//a[@href", "count(", "//a]", "//a\u{0}b", "@@",
    ])
    func rejected(source: String) {
        #expect(throws: XMLError.self) { try XPathExpression(source) }
    }

    @Test("a call to an unknown function is rejected when the expression is created")
    func unknownFunctionRejected() {
        do {
            _ = try XPathExpression("no-such-function(//p)")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .xpath)
            #expect(error.message.hasPrefix("invalid XPath 'no-such-function(//p)': "))
        }
    }

    @Test("an unknown function the trial run does not reach fails at evaluation")
    func unknownFunction() throws {
        let document = try HTMLDocument(parsing: Array("<p>x</p>".utf8))
        let expression = try XPathExpression("//p[no-such-function()]")
        #expect(throws: XMLError.self) { try document.evaluate(expression) }
        do {
            _ = try document.evaluate(expression)
        } catch {
            #expect(error.code == .xpath)
            #expect(error.message.hasPrefix("invalid XPath '//p[no-such-function()]': "))
        }
        // The document stays usable after a failed evaluation.
        #expect(try document.evaluate(XPathExpression("string(//p)")) == .string("x"))
    }
}
