import CCmarkGFM

/// Applies `RawHTMLPolicy` to a parsed document: raw HTML blocks and inline tags are cut down to
/// the allowlist, and Markdown links and images (inline, reference and autolinks alike, which
/// are all link nodes by now) must use a safe URL. Each removal is a problem at its position,
/// so the author learns what the page would not show.
struct UnsafeMarkupFilter {
    let lineMap: LineMap

    func filter(_ document: CmarkDocument) -> [MarkdownProblem] {
        var problems: [MarkdownProblem] = []
        for node in document.root.subtree {
            var messages: [String] = []
            switch node.type {
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                guard let html = node.literal else { continue }
                let sanitized = RawHTMLPolicy.sanitize(html)
                if sanitized.html != html { node.literal = sanitized.html }
                messages = sanitized.removed
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                guard let url = node.url else { continue }
                let kind = node.type == CMARK_NODE_IMAGE ? "image" : "link"
                if !URLPolicy.isSafe(url) {
                    node.url = ""
                    messages = ["unsafe URL '\(url.prefix(40))' in a \(kind); only http, https, mailto and relative links are allowed"]
                } else if node.type == CMARK_NODE_IMAGE, Self.isLocalFile(url) {
                    messages = ["image '\(url)' is not published: the site copies no image files; use an inline SVG or an https URL"]
                }
            default:
                continue
            }
            let position = lineMap.originalPosition(line: node.startLine, byteColumn: node.startColumn)
            problems += messages.map { MarkdownProblem(line: position.line, column: position.column, message: $0) }
        }
        return problems
    }

    /// A relative or site-absolute path: nothing the build writes can be there.
    private static func isLocalFile(_ url: String) -> Bool {
        !url.isEmpty && !url.hasPrefix("#") && !url.contains(":")
    }
}
