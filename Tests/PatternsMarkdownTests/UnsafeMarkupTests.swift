import Testing
@testable import PatternsMarkdown

@Suite struct UnsafeMarkupTests {
    @Test(arguments: [
        "[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x][r]\n\n[r]: vbscript:x", "<data:text/html,hi>",
        "![x](javascript:alert(1))", "[x](file:///etc/passwd)",
    ])
    func unsafeMarkdownURLsAreEmptiedAndReported(_ markdown: String) {
        let rendered = render(markdown + "\n")
        #expect(rendered.problems.count == 1)
        #expect(rendered.problems.first?.message.hasPrefix("unsafe URL") == true)
        #expect(rendered.html.contains("href=\"\"") || rendered.html.contains("src=\"\""))
    }

    @Test func allowedHTMLAndSVGAreKeptAsWritten() {
        let markdown = "<svg viewBox=\"0 0 10 10\" role=\"img\"><rect x=\"1\" width=\"5\" height=\"5\"/></svg>\n\n<a id=\"anchor\"></a> <kbd>Ctrl</kbd>\n"
        let rendered = render(markdown)
        #expect(rendered.problems == [])
        #expect(rendered.html.contains("<svg viewBox=\"0 0 10 10\" role=\"img\"><rect x=\"1\" width=\"5\" height=\"5\"/></svg>"))
        #expect(rendered.html.contains("<a id=\"anchor\"></a> <kbd>Ctrl</kbd>"))
    }

    @Test func handlersStylesAndDisguisedSchemesAreRemoved() {
        let (html, removed) = RawHTMLPolicy.sanitize(
            "<img src=x onerror=alert(1) style=\"x\"><a href=\"&#106;avascript&colon;x\" title='t'>y</a><!-- ok --><? pi ?>"
        )
        #expect(html == "<img src=\"x\"><a title=\"t\">y</a><!-- ok -->")
        #expect(removed == [
            "attribute 'onerror' is not allowed on <img>", "attribute 'style' is not allowed on <img>",
            "unsafe URL 'javascript:x' in href of <a>", "raw HTML '<? pi ?>' is not allowed",
        ])
    }

    @Test func generatedAdmonitionsAndTabsPassTheirOwnPolicy() {
        let rendered = render("!!! tip \"Title\"\n    Body\n\n=== \"A\"\n    One\n=== \"B\"\n    Two\n")
        #expect(rendered.problems == [])
        #expect(rendered.html.contains("<input class=\"tabbed-input\" type=\"radio\" name=\"tabs-1\" id=\"tabs-1-1\" checked>"))
    }
}
