import Testing
@testable import PatternsMarkdown

@Suite struct LinkTests {
    @Test func relativeMarkdownLinksAreRewritten() {
        let result = render("See [saga](saga.md) and [its solution](../patterns/saga.md#solution).\n")
        #expect(result.html.contains("<a href=\"../saga/\">saga</a>"))
        #expect(result.html.contains("<a href=\"../saga/#solution\">its solution</a>"))
        #expect(result.problems.isEmpty)
    }

    @Test func onlyRelativeMarkdownDestinationsReachTheResolver() {
        var seen: [String] = []
        _ = MarkdownRenderer().render("""
            [a](https://example.com/x.md) [b](/abs/x.md) [c](#top) [d](mailto:a@b.md)
            [e](guide.md?x=1#y) [f](notes.txt) [g](dir/page.MD) ![img](pic.md)
            """) { destination in
            seen.append(destination)
            return .unchanged
        }
        #expect(seen == ["guide.md?x=1#y", "dir/page.MD"])
    }

    @Test func missingPageAndAnchorAreReportedAtTheLink() {
        let result = render("Intro line.\n\nText [one](sagaa.md) and\nmore [two](saga.md#solutoin).\n")
        #expect(result.problems == [
            MarkdownProblem(line: 3, column: 6, message: "link to missing page 'sagaa.md'"),
            MarkdownProblem(line: 4, column: 6, message: "link to missing anchor '#solutoin' in 'saga.md'"),
        ])
    }

    @Test func resolverDetailIsAppendedWhenItAddsInformation() {
        let result = MarkdownRenderer().render("[x](sagaa.md)\n") { _ in .missingPage("did you mean 'saga.md'?") }
        #expect(result.problems.map(\.message) == ["link to missing page 'sagaa.md': did you mean 'saga.md'?"])
    }

    @Test func samePageFragmentsAreCheckedAgainstThisPage() {
        let result = render("## Forces\n\n<a id=\"extra\"></a>\n\n[ok](#forces) [ok](#extra) [bad](#forcse) [top](#)\n")
        #expect(result.problems == [
            MarkdownProblem(line: 5, column: 28, message: "link to missing anchor '#forcse' on this page"),
        ])
    }

    @Test func positionsReferToTheOriginalBodyInsideAdmonitionsTabsAndQuotes() {
        let markdown = """
            # T

            !!! note "N"
                Intro.

                Inside [bad](nope.md).

                === "A"
                    x [deep](gone.md)

            > quote [q](q.md)
            - item
              [li](li.md)
            """
        let problems = render(markdown).problems
        #expect(problems.map { "\($0.line):\($0.column)" } == ["6:12", "9:11", "11:9", "13:3"])
    }

    @Test func columnsCountCharactersNotBytes() {
        let problems = render("Café — [x](missing.md)\n").problems
        #expect(problems.map(\.column) == [8])
    }
}

@Suite struct LinkPositionEdgeTests {
    @Test func linksInHeadingsTablesAndFootnotesKeepTheirPositions() {
        let markdown = """
            ## See [x](a.md)

            | col | link |
            |-----|------|
            | 1   | [y](b.md) |

            Text.[^n]

            [^n]: In a note [z](c.md).
            """
        let problems = render(markdown).problems
        #expect(problems.map { "\($0.line):\($0.column) \($0.message)" } == [
            "1:8 link to missing page 'a.md'",
            "5:9 link to missing page 'b.md'",
            "9:17 link to missing page 'c.md'",
        ])
    }

    @Test func referenceStyleLinksAreCheckedWhereTheyAreUsed() {
        let problems = render("Intro.\n\nUse [the saga][s] here.\n\n[s]: gone.md\n").problems
        #expect(problems == [MarkdownProblem(line: 3, column: 5, message: "link to missing page 'gone.md'")])
    }

    @Test func crlfBodiesMapToTheSameLines() {
        let problems = render("!!! note\r\n    one\r\n\r\n    two [x](gone.md)\r\n").problems
        #expect(problems.map { "\($0.line):\($0.column)" } == ["4:9"])
    }
}
