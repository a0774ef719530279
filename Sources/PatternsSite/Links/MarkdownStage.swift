import PatternsContent
import PatternsMarkdown

/// A Markdown text that becomes (part of) a page: a pattern or guide body, or kata instructions.
public struct MarkdownDocument: Sendable {
    /// Source path, e.g. `content/patterns/retry.md`; links in the text are relative to it.
    public var file: String
    public var route: Route
    public var markdown: String
    /// The file line on which `markdown` starts, so problems map back to `file:line:column`.
    public var firstLine: Int

    public init(file: String, route: Route, markdown: String, firstLine: Int) {
        self.file = file
        self.route = route
        self.markdown = markdown
        self.firstLine = firstLine
    }
}

/// Renders every document with links checked in two phases: gather all anchors, then render.
///
/// Problems (broken links, malformed extensions) become diagnostics located in the source file,
/// so they are reported together with the loader's.
public struct MarkdownStage {
    let renderer: MarkdownRenderer

    public init(renderer: MarkdownRenderer = MarkdownRenderer()) {
        self.renderer = renderer
    }

    public func render(_ documents: [MarkdownDocument]) -> (pages: [String: RenderedMarkdown], diagnostics: [Diagnostic]) {
        // Both phases run on all cores; each document is independent within a phase.
        let renderer = self.renderer
        let anchors = documents.concurrentMap { renderer.anchors(in: $0.markdown) }
        var table = LinkTable()
        for (document, pageAnchors) in zip(documents, anchors) {
            table.add(file: document.file, route: document.route, anchors: pageAnchors)
        }
        let links = table
        let renderings = documents.concurrentMap { document in
            renderer.render(document.markdown) { destination in
                links.resolve(destination, from: document.file, on: document.route)
            }
        }
        var pages: [String: RenderedMarkdown] = [:]
        var diagnostics: [Diagnostic] = []
        for (document, rendered) in zip(documents, renderings) {
            pages[document.file] = rendered
            diagnostics += rendered.problems.map { problem in
                .error(at: SourceLocation(file: document.file, line: document.firstLine + problem.line - 1,
                                          column: problem.column), problem.message)
            }
            diagnostics += EndMatterHeadings.problems(in: rendered, of: document)
            if let heading = rendered.headings.first(where: { $0.level == 1 }) {
                diagnostics.append(.warning(
                    at: SourceLocation(file: document.file, line: document.firstLine + heading.line - 1, column: heading.column),
                    "'# ' makes a second h1 on the page (its title is the first); use '## ' for sections"))
            }
        }
        return (pages, diagnostics)
    }
}
