import Testing
@testable import PatternsMarkdown

@Suite struct AdmonitionTests {
    @Test func mkDocsAdmonitionWithTitleAndMarkdownBody() {
        let markdown = """
            !!! tip "Keep it *short*"
                First paragraph with `code`.

                - one
                - two

                ```swift
                let x = 1
                ```

            After.
            """
        let html = render(markdown).html
        #expect(html.contains("<div class=\"admonition tip\" role=\"note\">\n<p class=\"admonition-title\">Keep it <em>short</em></p>"))
        #expect(html.contains("<p>First paragraph with <code>code</code>.</p>"))
        #expect(html.contains("<li>two</li>"))
        #expect(html.contains("<pre tabindex=\"0\"><code class=\"language-swift\"><span class=\"hl-keyword\">let</span>"))
        #expect(html.contains("</div>\n<p>After.</p>"))
    }

    @Test func defaultTitleIsTheCapitalisedTypeAndUnknownTypesKeepTheirClass() {
        #expect(render("!!! warning\n    Careful.\n").html.contains("<p class=\"admonition-title\">Warning</p>"))
        let custom = render("!!! pitfall\n    Careful.\n").html
        #expect(custom.contains("<div class=\"admonition pitfall\" role=\"note\">"))
        #expect(custom.contains("<p class=\"admonition-title\">Pitfall</p>"))
    }

    @Test func emptyTitleLeavesTheTitleOut() {
        let html = render("!!! note \"\"\n    Body.\n").html
        #expect(!html.contains("admonition-title"))
        #expect(html.contains("<p>Body.</p>"))
    }

    @Test func collapsibleAdmonitionsUseDetails() {
        let closed = render("??? example \"Show me\"\n    Hidden.\n").html
        #expect(closed.contains("<details class=\"admonition example\">\n<summary class=\"admonition-title\">Show me</summary>"))
        #expect(closed.contains("<p>Hidden.</p>\n</details>"))
        #expect(render("???+ note\n    Shown.\n").html.contains("<details class=\"admonition note\" open>"))
    }

    @Test func nestedAdmonitions() {
        let html = render("!!! note \"Outer\"\n    Outer text.\n\n    !!! danger \"Inner\"\n        Inner text.\n\n    Outer again.\n").html
        #expect(html.contains("<div class=\"admonition danger\" role=\"note\">\n<p class=\"admonition-title\">Inner</p>\n<p>Inner text.</p>\n</div>\n<p>Outer again.</p>\n</div>"))
    }

    @Test func bodyEndsAtTheFirstUnindentedLine() {
        let html = render("!!! info\n    Inside.\nOutside.\n").html
        #expect(html.contains("<p>Inside.</p>\n</div>\n<p>Outside.</p>"))
    }

    @Test func titlesAreInlineMarkdownAndEscaped() {
        #expect(render("!!! note \"a < b & `c<d>`\"\n    x\n").html.contains("<p class=\"admonition-title\">a &lt; b &amp; <code>c&lt;d&gt;</code></p>"))
        // Not a paragraph on its own (it would be a heading): kept as plain text.
        #expect(render("!!! note \"# 1\"\n    x\n").html.contains("<p class=\"admonition-title\"># 1</p>"))
    }

    @Test func markersInsideFencedCodeAreLeftAlone() {
        let html = render("```text\n!!! note\n    not an admonition\n=== \"Tab\"\n```\n").html
        #expect(!html.contains("class=\"admonition"))
        #expect(!html.contains("tabbed"))
        #expect(html.contains("!!! note\n    not an admonition\n=== &quot;Tab&quot;\n</code></pre>"))
    }

    @Test func githubAlerts() {
        let html = render("> [!WARNING]\n> Do **not** retry forever.\n>\n> ```swift\n> let x = 1\n> ```\n").html
        #expect(html.contains("<div class=\"admonition warning\" role=\"note\">\n<p class=\"admonition-title\">Warning</p>\n<p>Do <strong>not</strong> retry forever.</p>"))
        #expect(html.contains("<span class=\"hl-keyword\">let</span>"))
        #expect(!html.contains("blockquote"))
        #expect(!html.contains("[!WARNING]"))
    }

    @Test func githubAlertAloneOnItsLineAndNestedInAnAdmonition() {
        let html = render("!!! note\n    > [!TIP]\n    >\n    > Body.\n").html
        #expect(html.contains("<div class=\"admonition tip\" role=\"note\">\n<p class=\"admonition-title\">Tip</p>\n<p>Body.</p>\n</div>"))
    }

    @Test func ordinaryQuotesStayQuotes() {
        let html = render("> [!NOTHING]\n> text\n\n> plain\n").html
        #expect(html.occurrences(of: "<blockquote>") == 2)
        #expect(html.contains("[!NOTHING]"))
    }
}

@Suite struct TabTests {
    let markdown = """
        === "Swift"
            ```swift
            let a = 1
            ```

        === "Go"

            Go *body*.

        Done.

        === "Only"
            Second group.
        """

    @Test func consecutiveTabsFormOneGroupWithRadiosLabelsAndPanels() {
        let html = render(markdown).html
        #expect(html.contains("""
            <div class="tabbed-set" role="radiogroup" aria-label="Tabs: Swift, Go">
            <input class="tabbed-input" type="radio" name="tabs-1" id="tabs-1-1" checked>
            <input class="tabbed-input" type="radio" name="tabs-1" id="tabs-1-2">
            <div class="tabbed-labels"><label for="tabs-1-1">Swift</label><label for="tabs-1-2">Go</label></div>
            <div class="tabbed-panels">
            <div class="tabbed-panel">
            <pre tabindex="0"><code class="language-swift">
            """))
        #expect(html.contains("<div class=\"tabbed-panel\">\n<p>Go <em>body</em>.</p>\n</div>\n</div>\n</div>\n<p>Done.</p>"))
    }

    @Test func laterGroupsGetTheirOwnIDs() {
        let html = render(markdown).html
        #expect(html.contains("id=\"tabs-2-1\" checked>"))
        #expect(html.occurrences(of: "class=\"tabbed-set\"") == 2)
    }

    @Test func plusMarksTheSelectedTab() {
        let html = render("=== \"A\"\n    a\n===+ \"B\"\n    b\n").html
        #expect(html.contains("id=\"tabs-1-1\">"))
        #expect(html.contains("id=\"tabs-1-2\" checked>"))
    }

    @Test func tabTitlesAreEscaped() {
        #expect(render("=== \"a < b\"\n    x\n").html.contains("<label for=\"tabs-1-1\">a &lt; b</label>"))
    }
}
