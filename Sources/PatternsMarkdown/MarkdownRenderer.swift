/// Markdown → HTML for page bodies: cmark-gfm (tables, strikethrough, autolinks, tag filter,
/// task lists, footnotes, raw HTML) plus admonitions, content tabs, GitHub alerts, heading
/// anchors, a table of contents, link checking and rewriting, the `<!-- more -->` summary
/// marker and build-time Swift highlighting.
///
/// A value type without state: one renderer can be used from many threads at once (each call
/// parses its own document; see CmarkDocument for the one lock cmark-gfm needs).
///
/// HTML contract for the stylesheet: headings in HeadingAnchors.swift, admonitions and tabs
/// in Preprocessing/BlockHTML.swift, highlight spans in Highlighting/SwiftHighlighter.swift.
/// Code is `<pre><code class="language-x">`; the footnotes `<section>` gets
/// `aria-label="Footnotes"` and task-list checkboxes are written HTML5-style (HTMLTidy).
///
/// Order of work in `render`: preprocess text (admonitions, tabs) → parse → GitHub alerts →
/// unsafe markup filtered (Sanitizing/) → heading ids → links → code blocks → summary marker → HTML.
public struct MarkdownRenderer: Sendable {
    public init() {}

    /// Phase 1, cheap: the anchors a page defines (heading ids, and explicit ids), so other
    /// pages' links can be checked.
    public func anchors(in markdown: String) -> Set<String> {
        let lineMap = BlockPreprocessor.preprocess(markdown)
        let document = CmarkDocument(parsing: lineMap.text)
        let explicitIDs = ExplicitIDs.ids(in: document)
        let headingIDs = HeadingAnchors.headings(in: document, reserving: explicitIDs, lineMap: lineMap).map(\.heading.id)
        return explicitIDs.union(headingIDs)
    }

    /// Phase 2: full render. `resolveLink` is called for every relative link whose path ends
    /// in `.md` (with optional #fragment), with the raw destination string.
    public func render(_ markdown: String, resolveLink: (String) -> LinkResolution) -> RenderedMarkdown {
        let lineMap = BlockPreprocessor.preprocess(markdown)
        let document = CmarkDocument(parsing: lineMap.text)
        GitHubAlerts.convert(in: document)
        let unsafeMarkup = UnsafeMarkupFilter(lineMap: lineMap).filter(document)

        let explicitIDs = ExplicitIDs.ids(in: document)
        let located = HeadingAnchors.headings(in: document, reserving: explicitIDs, lineMap: lineMap)
        let headings = located.map(\.heading)
        HeadingAnchors.addAnchors(to: located, in: document)

        let problems = unsafeMarkup + HeadingAnchors.limitProblems(headings) + withoutActuallyEscaping(resolveLink) { resolveLink in
            LinkChecker(pageAnchors: explicitIDs.union(headings.map(\.id)), lineMap: lineMap, resolveLink: resolveLink)
                .check(document)
        }
        CodeBlocks.render(in: document)

        let marker = SummaryMarker.removeMarkers(from: document)
        let html = HTMLTidy.tidy(document.renderHTML())
        var summaryHTML: String?
        if marker.found {
            SummaryMarker.truncate(document, from: marker.firstAfter)
            summaryHTML = HTMLTidy.tidy(document.renderHTML())
        }

        return RenderedMarkdown(
            html: html,
            summaryHTML: summaryHTML,
            tableOfContents: headings.filter { $0.level == 2 || $0.level == 3 },
            headings: headings,
            problems: problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        )
    }

    /// Every fenced code block, for the type-checker of ```swift blocks. Blocks inside
    /// admonitions, tabs and alerts are included; `line` is the opening fence's body line.
    public func codeBlocks(in markdown: String) -> [CodeBlock] {
        let lineMap = BlockPreprocessor.preprocess(markdown)
        let document = CmarkDocument(parsing: lineMap.text)
        return CodeBlocks.fenced(in: document).map { CodeBlocks.codeBlock($0, lineMap: lineMap) }
    }
}
