import Testing
@testable import PatternsMarkdown

@Suite struct CodeBlockTests {
    @Test func extractsFencedBlocksWithInfoAndOriginalLines() {
        let markdown = """
            Intro.

            ```swift
            let a = 1
            ```

            !!! tip
                ```swift ignore
                partial(
                ```

                === "Go"
                    ~~~go
                    x := 1
                    ~~~

                > ```
                > plain
                > ```

                indented code is not fenced
            """
        let blocks = MarkdownRenderer().codeBlocks(in: markdown)
        #expect(blocks == [
            CodeBlock(language: "swift", info: "swift", code: "let a = 1\n", line: 3),
            CodeBlock(language: "swift", info: "swift ignore", code: "partial(\n", line: 8),
            CodeBlock(language: "go", info: "go", code: "x := 1\n", line: 13),
            CodeBlock(language: nil, info: "", code: "plain\n", line: 17),
        ])
    }

    @Test func extraInfoWordsDoNotLeakIntoTheClass() {
        let html = render("```swift ignore\nlet x = 1\n```\n").html
        #expect(html.contains("<pre tabindex=\"0\"><code class=\"language-swift\">"))
        #expect(!html.contains("ignore"))
    }

    @Test func otherLanguagesAreEscapedNotHighlighted() {
        let html = render("```html\n<p>&amp;</p>\n```\n\n```\nplain <b>\n```\n").html
        #expect(html.contains("<pre tabindex=\"0\"><code class=\"language-html\">&lt;p&gt;&amp;amp;&lt;/p&gt;\n</code></pre>"))
        #expect(html.contains("<pre tabindex=\"0\"><code>plain &lt;b&gt;\n</code></pre>"))
    }
}
