import Testing
import TrawlContent

@Suite struct MarkdownConversionTests {
    static let blocks: [ConversionCase] = [
        .init(name: "paragraph", html: "<p>Hello world.</p>", markdown: "Hello world."),
        .init(name: "two paragraphs", html: "<p>One.</p><p>Two.</p>", markdown: "One.\n\nTwo."),
        .init(name: "headings of every level", html: "<h1>A</h1><h2>B</h2><h3>C</h3><h4>D</h4><h5>E</h5><h6>F</h6>",
              markdown: "# A\n\n## B\n\n### C\n\n#### D\n\n##### E\n\n###### F"),
        .init(name: "heading with a line break is one line", html: "<h2>First<br>second</h2>", markdown: "## First second"),
        .init(name: "empty heading is dropped", html: "<h2> </h2><p>x</p>", markdown: "x"),
        .init(name: "text directly in the body", html: "Loose text <b>bold</b>", markdown: "Loose text **bold**"),
        .init(name: "divs are paragraphs", html: "<div>One</div><div>Two</div>", markdown: "One\n\nTwo"),
        .init(name: "horizontal rule", html: "<p>a</p><hr><p>b</p>", markdown: "a\n\n---\n\nb"),
        .init(name: "line break", html: "<p>one<br>two</p>", markdown: "one\\\ntwo"),
        .init(name: "trailing line break dropped", html: "<p>one<br></p>", markdown: "one"),
        .init(name: "block quote", html: "<blockquote><p>Quoted.</p><p>More.</p></blockquote>", markdown: "> Quoted.\n>\n> More."),
        .init(name: "nested block quote", html: "<blockquote><p>a</p><blockquote><p>b</p></blockquote></blockquote>",
              markdown: "> a\n>\n> > b"),
        .init(name: "definition list", html: "<dl><dt>Term</dt><dd>Meaning</dd></dl>", markdown: "**Term**\n\nMeaning"),
        .init(name: "figure with caption", html: "<figure><img src=\"a.png\" alt=\"A\"><figcaption>Cap</figcaption></figure>",
              markdown: "![A](https://example.org/docs/a.png)\n\nCap"),
    ]

    static let inlines: [ConversionCase] = [
        .init(name: "strong and b", html: "<p><strong>a</strong> and <b>b</b></p>", markdown: "**a** and **b**"),
        .init(name: "em and i", html: "<p><em>a</em> and <i>b</i></p>", markdown: "*a* and *b*"),
        .init(name: "strike", html: "<p><del>gone</del></p>", markdown: "~~gone~~"),
        .init(name: "nested emphasis", html: "<p><b>bold <i>both</i></b></p>", markdown: "**bold *both***"),
        .init(name: "same emphasis nested once", html: "<p><b>a <strong>b</strong> c</b></p>", markdown: "**a b c**"),
        .init(name: "spaces move outside emphasis", html: "<p>a<b> b </b>c</p>", markdown: "a **b** c"),
        .init(name: "empty emphasis dropped", html: "<p>a<b> </b>c</p>", markdown: "a c"),
        .init(name: "emphasis inside a word", html: "<p>un<b>believ</b>able</p>", markdown: "un**believ**able"),
        .init(name: "inline code", html: "<p>Run <code>make test</code> now</p>", markdown: "Run `make test` now"),
        .init(name: "inline code with a backtick", html: "<p><code>a`b</code></p>", markdown: "``a`b``"),
        .init(name: "inline code starting with a backtick", html: "<p><code>`x</code></p>", markdown: "`` `x ``"),
        .init(name: "inline code is not escaped", html: "<p><code>*p = a_b</code></p>", markdown: "`*p = a_b`"),
        .init(name: "kbd is code", html: "<p>Press <kbd>Ctrl</kbd></p>", markdown: "Press `Ctrl`"),
        .init(name: "span and small are transparent", html: "<p><span>a</span> <small>b</small></p>", markdown: "a b"),
        .init(name: "sup and sub keep their text", html: "<p>x<sup>2</sup> H<sub>2</sub>O</p>", markdown: "x2 H2O"),
    ]

    static let whitespaceAndEntities: [ConversionCase] = [
        .init(name: "whitespace runs collapse", html: "<p>  a \n\n  b\t c  </p>", markdown: "a b c"),
        .init(name: "no-break spaces become spaces", html: "<p>a&nbsp;&nbsp;b</p>", markdown: "a b"),
        .init(name: "named entities decoded", html: "<p>&copy; &eacute;t&eacute; &mdash; caf&eacute;</p>", markdown: "© été — café"),
        .init(name: "numeric entities decoded", html: "<p>&#8364; &#x1F600;</p>", markdown: "€ 😀"),
        .init(name: "ampersand and quotes", html: "<p>AT&amp;T &quot;q&quot;</p>", markdown: "AT&T \"q\""),
        .init(name: "escaped angle brackets stay text", html: "<p>&lt;div&gt; is a tag</p>", markdown: "\\<div> is a tag"),
        .init(name: "comments are dropped", html: "<p>a<!-- hidden -->b</p>", markdown: "ab"),
        .init(name: "scripts and styles dropped", html: "<p>a</p><script>var x=1;</script><style>p{}</style><p>b</p>", markdown: "a\n\nb"),
        .init(name: "unicode text kept", html: "<p>日本語のテキスト</p>", markdown: "日本語のテキスト"),
    ]

    static let escaping: [ConversionCase] = [
        .init(name: "asterisks escaped", html: "<p>2*3*4</p>", markdown: "2\\*3\\*4"),
        .init(name: "underscores between words kept", html: "<p>snake_case_name</p>", markdown: "snake_case_name"),
        .init(name: "underscores at word edges escaped", html: "<p>_init_ here</p>", markdown: "\\_init\\_ here"),
        .init(name: "brackets escaped", html: "<p>[not a link](x)</p>", markdown: "\\[not a link\\](x)"),
        .init(name: "heading marker at line start escaped", html: "<p># not a heading</p>", markdown: "\\# not a heading"),
        .init(name: "hash inside text kept", html: "<p>C# and F#</p>", markdown: "C# and F#"),
        .init(name: "list marker at line start escaped", html: "<p>- not a list</p>", markdown: "\\- not a list"),
        .init(name: "ordered marker at line start escaped", html: "<p>1. not a list</p>", markdown: "1\\. not a list"),
        .init(name: "quote marker at line start escaped", html: "<p>> not a quote</p>", markdown: "\\> not a quote"),
        .init(name: "backslash escaped", html: "<p>C:\\path</p>", markdown: "C:\\\\path"),
        .init(name: "backticks escaped", html: "<p>a `b` c</p>", markdown: "a \\`b\\` c"),
    ]

    static let lists: [ConversionCase] = [
        .init(name: "unordered list", html: "<ul><li>a</li><li>b</li></ul>", markdown: "- a\n- b"),
        .init(name: "ordered list", html: "<ol><li>a</li><li>b</li></ol>", markdown: "1. a\n2. b"),
        .init(name: "ordered list with start", html: "<ol start=\"9\"><li>a</li><li>b</li></ol>", markdown: "9. a\n10. b"),
        .init(name: "nested lists", html: "<ul><li>a<ul><li>b<ol><li>c</li></ol></li></ul></li><li>d</li></ul>",
              markdown: "- a\n  - b\n    1. c\n- d"),
        .init(name: "list item with paragraphs", html: "<ul><li><p>one</p><p>two</p></li></ul>", markdown: "- one\n\n  two"),
        .init(name: "list item with code block", html: "<ol><li>Run:<pre>make</pre></li></ol>", markdown: "1. Run:\n\n   ```\n   make\n   ```"),
        .init(name: "empty list items dropped", html: "<ul><li></li><li>a</li></ul>", markdown: "- a"),
        .init(name: "list after a paragraph", html: "<p>Intro</p><ul><li>a</li></ul>", markdown: "Intro\n\n- a"),
        .init(name: "list inside a quote", html: "<blockquote><ul><li>a</li><li>b</li></ul></blockquote>", markdown: "> - a\n> - b"),
        .init(name: "unclosed list items", html: "<ul><li>a<li>b</ul>", markdown: "- a\n- b"),
    ]

    static let code: [ConversionCase] = [
        .init(name: "code block", html: "<pre><code>let x = 1\nprint(x)</code></pre>", markdown: "```\nlet x = 1\nprint(x)\n```"),
        .init(name: "code block language from the code class", html: "<pre><code class=\"language-swift\">let x = 1</code></pre>",
              markdown: "```swift\nlet x = 1\n```"),
        .init(name: "code block language from the pre class", html: "<pre class=\"lang-python\">x = 1</pre>", markdown: "```python\nx = 1\n```"),
        .init(name: "code block keeps indentation and specials", html: "<pre>  if *p:\n      a_b = [1]</pre>",
              markdown: "```\n  if *p:\n      a_b = [1]\n```"),
        .init(name: "code block with highlighting spans", html: "<pre><code><span class=\"k\">def</span> <span>f</span>():\n  pass</code></pre>",
              markdown: "```\ndef f():\n  pass\n```"),
        .init(name: "code block containing a fence", html: "<pre>```\nx\n```</pre>", markdown: "````\n```\nx\n```\n````"),
        .init(name: "code block entities decoded", html: "<pre>a &lt; b &amp;&amp; c</pre>", markdown: "```\na < b && c\n```"),
        .init(name: "code block with br", html: "<pre>a<br>b</pre>", markdown: "```\na\nb\n```"),
    ]

    static let tables: [ConversionCase] = [
        .init(name: "table with header", html: "<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>",
              markdown: "| A | B |\n| --- | --- |\n| 1 | 2 |"),
        .init(name: "table without thead uses first row", html: "<table><tr><td>A</td><td>B</td></tr><tr><td>1</td><td>2</td></tr></table>",
              markdown: "| A | B |\n| --- | --- |\n| 1 | 2 |"),
        .init(name: "pipes in cells escaped", html: "<table><tr><th>a|b</th><th>c</th></tr><tr><td><code>x|y</code></td><td>z</td></tr></table>",
              markdown: "| a\\|b | c |\n| --- | --- |\n| `x\\|y` | z |"),
        .init(name: "colspan spreads over empty cells", html: "<table><tr><th>A</th><th>B</th><th>C</th></tr><tr><td colspan=\"2\">wide</td><td>c</td></tr></table>",
              markdown: "| A | B | C |\n| --- | --- | --- |\n| wide |  | c |"),
        .init(name: "rowspan leaves empty cells below", html: "<table><tr><th>A</th><th>B</th></tr><tr><td rowspan=\"2\">tall</td><td>1</td></tr><tr><td>2</td></tr></table>",
              markdown: "| A | B |\n| --- | --- |\n| tall | 1 |\n|  | 2 |"),
        .init(name: "ragged rows padded", html: "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td></tr></table>",
              markdown: "| A | B |\n| --- | --- |\n| 1 |  |"),
        .init(name: "nested table falls back to blocks", html: "<table><tr><td><table><tr><td>inner</td><td>x</td></tr></table></td><td>outer</td></tr></table>",
              markdown: "inner\n\nx\n\nouter"),
        .init(name: "layout table of one column is blocks", html: "<table><tr><td><p>One</p></td></tr><tr><td><p>Two</p></td></tr></table>",
              markdown: "One\n\nTwo"),
        .init(name: "caption before the table", html: "<table><caption>Prices</caption><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>",
              markdown: "Prices\n\n| A | B |\n| --- | --- |\n| 1 | 2 |"),
        .init(name: "line breaks in cells become spaces", html: "<table><tr><th>A</th><th>B</th></tr><tr><td>x<br>y</td><td>z</td></tr></table>",
              markdown: "| A | B |\n| --- | --- |\n| x y | z |"),
    ]

    static let linksAndImages: [ConversionCase] = [
        .init(name: "relative link resolved", html: "<p><a href=\"other.html\">Other</a></p>", markdown: "[Other](https://example.org/docs/other.html)"),
        .init(name: "root-relative link", html: "<p><a href=\"/x?q=1#f\">X</a></p>", markdown: "[X](https://example.org/x?q=1#f)"),
        .init(name: "dot segments resolved", html: "<p><a href=\"../up/./a\">U</a></p>", markdown: "[U](https://example.org/up/a)"),
        .init(name: "link against base href", html: "<base href=\"https://cdn.example.com/root/\"><p><a href=\"a.html\">A</a></p>",
              markdown: "[A](https://cdn.example.com/root/a.html)"),
        .init(name: "relative base href resolved against the page", html: "<base href=\"/v2/\"><p><a href=\"a\">A</a></p>",
              markdown: "[A](https://example.org/v2/a)"),
        .init(name: "absolute link kept", html: "<p><a href=\"http://other.net/\">O</a></p>", markdown: "[O](http://other.net/)"),
        .init(name: "javascript link is text", html: "<p><a href=\"javascript:void(0)\">J</a></p>", markdown: "J"),
        .init(name: "link without href is text", html: "<p><a name=\"x\">Anchor</a></p>", markdown: "Anchor"),
        .init(name: "empty link dropped", html: "<p>a<a href=\"/x\"> </a>b</p>", markdown: "a b"),
        .init(name: "emphasis inside a link", html: "<p><a href=\"/x\"><b>Bold</b> link</a></p>", markdown: "[**Bold** link](https://example.org/x)"),
        .init(name: "spaces and parentheses in URLs encoded", html: "<p><a href=\"/a b(c)\">L</a></p>", markdown: "[L](https://example.org/a%20b%28c%29)"),
        .init(name: "mailto link kept", html: "<p><a href=\"mailto:a@b.org\">mail</a></p>", markdown: "[mail](mailto:a@b.org)"),
        .init(name: "image resolved", html: "<p><img src=\"img/a.png\" alt=\"An [a]\"></p>", markdown: "![An \\[a\\]](https://example.org/docs/img/a.png)"),
        .init(name: "lazy image from data-src", html: "<p><img src=\"data:image/gif;base64,R0\" data-src=\"/real.jpg\" alt=\"r\"></p>",
              markdown: "![r](https://example.org/real.jpg)"),
        .init(name: "image inside a link", html: "<p><a href=\"/big.png\"><img src=\"/small.png\" alt=\"s\"></a></p>",
              markdown: "[![s](https://example.org/small.png)](https://example.org/big.png)"),
        .init(name: "block inside a link flattened", html: "<a href=\"/card\"><div><h3>Title</h3><p>Text</p></div></a>",
              markdown: "[Title Text](https://example.org/card)"),
    ]

    static let malformed: [ConversionCase] = [
        .init(name: "unclosed paragraphs", html: "<p>one<p>two", markdown: "one\n\ntwo"),
        .init(name: "unclosed emphasis", html: "<p><b>bold</p><p>next</p>", markdown: "**bold**\n\nnext"),
        .init(name: "misnested tags", html: "<p><b><i>x</b> y</i></p>", markdown: "***x*** y"),
        .init(name: "stray closing tags", html: "</div><p>text</p></span>", markdown: "text"),
        .init(name: "uppercase tags", html: "<P><B>Bold</B> <A HREF=\"/x\">L</A></P>", markdown: "**Bold** [L](https://example.org/x)"),
        .init(name: "form controls dropped", html: "<p>Name <input value=\"x\"> <button>Go</button></p>", markdown: "Name"),
        .init(name: "empty body", html: "", markdown: ""),
    ]

    @Test("block elements convert to Markdown blocks", arguments: blocks)
    func blockElements(_ conversion: ConversionCase) throws { let markdown = try conversion.convert(); #expect(markdown == conversion.markdown) }

    @Test("inline elements convert to Markdown spans", arguments: inlines)
    func inlineElements(_ conversion: ConversionCase) throws { let markdown = try conversion.convert(); #expect(markdown == conversion.markdown) }

    @Test("whitespace is normalised and entities decoded", arguments: whitespaceAndEntities)
    func whitespace(_ conversion: ConversionCase) throws { let markdown = try conversion.convert(); #expect(markdown == conversion.markdown) }

    @Test("text that Markdown would read as syntax is escaped", arguments: escaping)
    func escapes(_ conversion: ConversionCase) throws { let markdown = try conversion.convert(); #expect(markdown == conversion.markdown) }

    @Test("lists keep their order, numbering and nesting", arguments: lists)
    func listElements(_ conversion: ConversionCase) throws { let markdown = try conversion.convert(); #expect(markdown == conversion.markdown) }

    @Test("code blocks are fenced with their language", arguments: code)
    func codeBlocks(_ conversion: ConversionCase) throws { let markdown = try conversion.convert(); #expect(markdown == conversion.markdown) }

    @Test("tables become GFM tables or fall back to blocks", arguments: tables)
    func tableElements(_ conversion: ConversionCase) throws { let markdown = try conversion.convert(); #expect(markdown == conversion.markdown) }

    @Test("links and images are absolute against the page or its base", arguments: linksAndImages)
    func links(_ conversion: ConversionCase) throws { let markdown = try conversion.convert(); #expect(markdown == conversion.markdown) }

    @Test("malformed markup converts the way browsers read it", arguments: malformed)
    func malformedMarkup(_ conversion: ConversionCase) throws { let markdown = try conversion.convert(); #expect(markdown == conversion.markdown) }
}
