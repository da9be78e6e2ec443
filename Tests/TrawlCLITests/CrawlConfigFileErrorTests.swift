import Testing

@testable import TrawlCLI

/// Every mistake in a config file is one line naming the file, line and column.
@Suite struct CrawlConfigFileErrorTests {
    private func message(_ yaml: String) -> String? {
        do {
            _ = try CrawlConfigFile.parse(yaml, file: "crawl.yml")
            return nil
        } catch {
            return error.description
        }
    }

    @Test("A misspelled rule key is reported with a did-you-mean suggestion", arguments: [
        ("rules:\n  - match: {url: a}\n    feilds:\n      t: css:h1\n", "crawl.yml:3:5: unknown key 'feilds' (did you mean 'fields'?)"),
        ("per_host: 3\n", "crawl.yml:1:1: unknown key 'per_host' (did you mean 'per-host'?)"),
        ("max-dept: 2\n", "crawl.yml:1:1: unknown key 'max-dept' (did you mean 'max-depth'?)"),
        ("seeds: [a]\nrules:\n  - match: {urll: x}\n", "crawl.yml:3:13: unknown key 'urll' (did you mean 'url'?)"),
    ])
    func unknownKeyWithSuggestion(yaml: String, expected: String) {
        #expect(message(yaml) == expected)
    }

    @Test("An unknown key with nothing close has no suggestion")
    func unknownKeyWithoutSuggestion() {
        #expect(message("seeds: [a]\nbanana: 3\n") == "crawl.yml:2:1: unknown key 'banana'")
    }

    @Test("Values of the wrong type name the key and the value", arguments: [
        ("per-host: abc\n", "crawl.yml:1:11: 'per-host' must be an integer, got 'abc'"),
        ("delay: soon\n", "crawl.yml:1:8: 'delay' must be a number, got 'soon'"),
        ("ignore-robots: maybe\n", "crawl.yml:1:16: 'ignore-robots' must be true or false, got 'maybe'"),
        ("user-agent: [a, b]\n", "crawl.yml:1:13: 'user-agent' must be a single value, not a list"),
        ("allow-host:\n  - {a: b}\n", "crawl.yml:2:5: 'allow-host' must be a list of strings, not of mappings"),
        ("rules: {match: x}\n", "crawl.yml:1:8: 'rules' must be a list of rules"),
        ("rules:\n  - fields: [a]\n", "crawl.yml:2:13: 'fields' must be a mapping of field names to expressions"),
        ("cache:\n", "crawl.yml:1:7: 'cache' needs a value"),
        ("rules:\n  - fields:\n      n: {css: h1, type: float}\n", "crawl.yml:3:26: unknown type 'float': use string, number, integer, boolean"),
    ])
    func wrongType(yaml: String, expected: String) {
        #expect(message(yaml) == expected)
    }

    @Test("Bad regexes, selectors and JSONPath fail at the value", arguments: [
        ("rules:\n  - match: {url: '(a'}\n", "crawl.yml:2:18: invalid regex '(a'"),
        ("include: ['ok', '[z']\n", "crawl.yml:1:17: invalid regex '[z' in 'include'"),
        ("rules:\n  - fields:\n      p: css:span[\n", "crawl.yml:3:7: invalid expression 'css:span[': CSS selector column 6: expected an attribute name"),
        ("rules:\n  - fields:\n      p: $.a[\n", "crawl.yml:3:7: invalid expression 'jsonpath:$.a[': invalid JSONPath"),
        ("follow: ['$..x', '$.[']\n", "crawl.yml:1:18: invalid JSONPath '$.['"),
        ("rules:\n  - fields:\n      p: h1\n", "crawl.yml:3:10: invalid expression 'h1' for 'p': " + FieldExpressionRule.text),
    ])
    func badExpressions(yaml: String, expected: String) throws {
        let text = try #require(message(yaml))
        #expect(text.hasPrefix(expected), "\(text)")
    }

    @Test("A field named url is refused at its name")
    func urlFieldName() {
        #expect(message("rules:\n  - fields:\n      title: css:h1\n      url: css:a::attr(href)\n")
            == "crawl.yml:4:7: the field name 'url' is reserved for the page URL")
    }

    @Test("Fields of the other kind than the rule's each are refused")
    func eachKindMismatch() {
        #expect(message("rules:\n  - each: css:div\n    fields:\n      a: $.a\n")
            == "crawl.yml:4:7: field 'a' must be XPath or CSS like the rule's each (line 2)")
    }

    @Test("YAML syntax errors carry libyaml's line and column", arguments: [
        ("seeds: [a, b\nper-host: 3\n", "crawl.yml:2:"),
        ("rules:\n  - match: {url: a}\n   fields: x\n", "crawl.yml:3:"),
        ("a: 'unterminated\n", "crawl.yml:2:"),
    ])
    func yamlSyntax(yaml: String, prefix: String) throws {
        let text = try #require(message(yaml))
        #expect(text.hasPrefix(prefix), "\(text)")
        #expect(text.contains("YAML syntax error"), "\(text)")
        #expect(!text.contains("\n"))
    }

    @Test("A key given twice is an error at the mapping")
    func duplicateKey() throws {
        let text = try #require(message("per-host: 2\nper-host: 3\n"))
        #expect(text.hasPrefix("crawl.yml:1:1: duplicate key 'per-host'"), "\(text)")
    }

    @Test("A valid file gives settings, seeds and rules; an empty file gives nothing")
    func valid() throws {
        let config = try CrawlConfigFile.parse(
            "seeds: [https://a.test/]\nper-host: 2\nallow-domain: [b.test, c.test]\nignore-robots: true\n"
                + "rules:\n  - match: {url: x}\n    fields: {t: css:h1}\n", file: "f.yml")
        #expect(config.seeds == ["https://a.test/"])
        #expect(config.settings.map(\.key) == ["per-host", "allow-domain", "ignore-robots"])
        #expect(config.settings.map(\.values) == [["2"], ["b.test", "c.test"], ["true"]])
        #expect(config.rules.count == 1)
        #expect(config.rules.first?.fieldNames == ["t"])
        #expect(try CrawlConfigFile.parse("", file: "f.yml").settings.isEmpty)
    }
}

/// The expression rule text, as the message quotes it.
enum FieldExpressionRule {
    static let text = "the expression must start with $ (JSONPath), with /, ( or . (XPath), or with css:, xpath: or jsonpath:"
}
