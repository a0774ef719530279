import Testing
@testable import PatternsMarkdown

@Suite struct SummaryTests {
    @Test func summaryIsTheContentBeforeTheMarker() {
        let result = render("First *para*.\n\n<!-- more -->\n\nRest.[^1]\n\n[^1]: Note.\n")
        #expect(result.summaryHTML == "<p>First <em>para</em>.</p>\n")
        #expect(!result.html.contains("more -->"))
        #expect(result.html.contains("<p>First <em>para</em>.</p>\n<p>Rest."))
        #expect(result.html.contains("class=\"footnotes\""))
    }

    @Test func footnoteReferencesAreDroppedFromTheSummaryOnly() {
        let result = render("Claim.[^1]\n\n<!-- more -->\n\nRest.\n\n[^1]: Source.\n")
        #expect(result.summaryHTML == "<p>Claim.</p>\n")
        #expect(result.html.contains("<p>Claim.<sup class=\"footnote-ref\">"))
    }

    @Test func markerRightAfterAParagraphLine() {
        let result = render("Para.\n<!--more-->\nRest.\n")
        #expect(result.summaryHTML == "<p>Para.</p>\n")
        #expect(result.html == "<p>Para.</p>\n<p>Rest.</p>\n")
    }

    @Test func noMarkerNoSummary() {
        #expect(render("Just text.\n").summaryHTML == nil)
        #expect(render("```\n<!-- more -->\n```\n").summaryHTML == nil)
    }
}
