import Testing
@testable import PatternsMarkdown

@Suite struct AnchorTests {
    @Test(arguments: [
        ("Solution", "solution"),
        ("Context and problem", "context-and-problem"),
        ("  What's  a *saga*?  ", "what-s-a-saga"),
        ("Retry-with-backoff (2nd ed.)", "retry-with-backoff-2nd-ed"),
        ("Café über", "café-über"),
        ("!!!", "section"),
    ])
    func slugs(text: String, slug: String) {
        #expect(AnchorAllocator.slug(text) == slug)
    }

    @Test func headingsGetIDsAndAnAccessibleSelfLink() {
        let html = render("## Solution\n").html
        #expect(html.contains(
            "<h2 id=\"solution\">Solution <a class=\"anchor\" href=\"#solution\" aria-label=\"Link to section: Solution\">#</a></h2>"))
    }

    @Test func duplicatesAreNumberedInOrder() {
        let result = render("## Example\n\n## Example\n\n### Example\n")
        #expect(result.headings.map(\.id) == ["example", "example-1", "example-2"])
        #expect(result.html.contains("<h3 id=\"example-2\">"))
    }

    @Test func inlineCodeAndMarkupCountAsText() {
        let result = render("## Using `withTimeout` *safely*\n")
        #expect(result.headings == [Heading(level: 2, text: "Using withTimeout safely", id: "using-withtimeout-safely", line: 1, column: 1)])
        #expect(result.html.contains("<h2 id=\"using-withtimeout-safely\">Using <code>withTimeout</code> <em>safely</em> <a"))
    }

    @Test func headingsKnowWhereTheyStartInTheAuthorsText() {
        // The admonition is rewritten before parsing; its heading must still point at the author's line.
        let result = render("Intro.\n\n!!! note \"Aside\"\n    ### Inside\n\n## After\n")
        #expect(result.headings.map { [$0.line, $0.column] } == [[4, 5], [6, 1]])
    }

    @Test func tableOfContentsHoldsLevelsTwoAndThree() {
        let result = render("# Title\n\n## Forces\n\n### Detail\n\n#### Deep\n\nSetext\n------\n")
        #expect(result.tableOfContents.map(\.id) == ["forces", "detail", "setext"])
        #expect(result.headings.map(\.level) == [1, 2, 3, 4, 2])
    }

    @Test func phaseOneAnchorsMatchRenderedIDsAndIncludeExplicitIDs() {
        let markdown = "## Solution\n\n## Solution\n\n<a id=\"budget\"></a>\n\n!!! note\n    ## Inside\n\n=== \"A\"\n    x\n"
        let anchors = MarkdownRenderer().anchors(in: markdown)
        #expect(anchors == ["solution", "solution-1", "budget", "inside", "tabs-1-1"])
        let rendered = render(markdown)
        #expect(Set(rendered.headings.map(\.id)).isSubset(of: anchors))
    }

    @Test func headingsNeverReuseAnExplicitID() {
        let result = render("<span id=\"solution\"></span>\n\n## Solution\n")
        #expect(result.headings.map(\.id) == ["solution-1"])
    }
}

@Suite struct AnchorNumberingTests {
    @Test func equalHeadingsAreNumberedAroundReservedAndWrittenIDs() {
        var allocator = AnchorAllocator(reserved: ["a-2"])
        let ids = ["A", "A 1", "A", "A", "A"].map { allocator.uniqueID(for: $0) }
        #expect(ids == ["a", "a-1", "a-3", "a-4", "a-5"])
    }

    @Test func morePagesHeadingsThanTheLimitIsAProblemAtTheFirstOneOver() {
        let markdown = String(repeating: "## Solution\n\n", count: HeadingAnchors.maximumHeadings + 1)
        let problems = render(markdown).problems
        #expect(problems.map(\.message) == ["1001 headings; a page may have at most 1000"])
        #expect(problems.first?.line == 2 * HeadingAnchors.maximumHeadings + 1)
    }
}
