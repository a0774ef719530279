import Testing
@testable import PatternsMarkdown

@Suite struct GFMTests {
    @Test func tablesUseStyleForAlignmentNotTheObsoleteAlignAttribute() {
        let html = render("| a | b |\n|:-:|--:|\n| 1 | 2 |\n").html
        #expect(html.contains("<table>"))
        #expect(html.contains("<th style=\"text-align: center\">a</th>"))
        #expect(html.contains("<td style=\"text-align: right\">2</td>"))
        #expect(!html.contains("align=\""))
    }

    @Test func strikethroughAutolinkAndTaskList() {
        let html = render("~~old~~ see www.example.com\n\n- [ ] todo\n- [x] done\n").html
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains("<a href=\"http://www.example.com\">www.example.com</a>"))
        // HTML5 style, without the XHTML slash cmark-gfm writes (the Nu checker flags it).
        #expect(html.contains("<li><input type=\"checkbox\" disabled> todo</li>"))
        #expect(html.contains("<li><input type=\"checkbox\" checked disabled> done</li>"))
    }

    @Test func footnotes() {
        let html = render("Claim.[^src]\n\n[^src]: The source.\n").html
        #expect(html.contains("<sup class=\"footnote-ref\"><a href=\"#fn-src\" id=\"fnref-src\""))
        #expect(html.contains("<section class=\"footnotes\" data-footnotes aria-label=\"Footnotes\">"))
        #expect(html.contains("The source."))
    }

    @Test func rawHTMLIsKeptButDangerousTagsAreRemovedAndReported() {
        let rendered = render("<details><summary>More</summary>\n\nHidden *text*\n\n</details>\n\n<script>x()</script>\n")
        #expect(rendered.html.contains("<details><summary>More</summary>"))
        #expect(rendered.html.contains("<em>text</em>"))
        #expect(!rendered.html.contains("script"))
        #expect(!rendered.html.contains("x()"))
        #expect(rendered.problems.map(\.message) == ["raw HTML element <script> is not allowed"])
        #expect(rendered.problems.first?.line == 7)
    }

    @Test func smartPunctuationIsOff() {
        let html = render("\"quoted\" -- it's\n").html
        #expect(html.contains("&quot;quoted&quot; -- it's"))
    }

    @Test func textIsEscaped() {
        let html = render("1 < 2 & `a<b>`\n").html
        #expect(html.contains("1 &lt; 2 &amp; <code>a&lt;b&gt;</code>"))
    }
}

@Suite struct EdgeInputTests {
    @Test func emptyAndMarkerOnlyBodies() {
        let empty = render("")
        #expect(empty.html == "")
        #expect(empty.headings.isEmpty && empty.problems.isEmpty && empty.summaryHTML == nil)
        let markerOnly = render("<!-- more -->\n")
        #expect(markerOnly.html == "")
        #expect(markerOnly.summaryHTML == "")
        #expect(MarkdownRenderer().codeBlocks(in: "").isEmpty)
        #expect(MarkdownRenderer().anchors(in: "").isEmpty)
    }

    @Test func emptyAdmonitionAndUnclosedFenceRenderCleanly() {
        let html = render("!!! note\n\n```swift\nlet a = \"unterminated\n").html
        #expect(html.contains("<div class=\"admonition note\" role=\"note\">\n<p class=\"admonition-title\">Note</p>\n</div>"))
        #expect(html.contains("<span class=\"hl-string\">&quot;unterminated</span>"))
    }
}
