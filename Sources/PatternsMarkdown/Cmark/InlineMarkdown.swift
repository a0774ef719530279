import CCmarkGFM

/// Renders a one-line title (`!!! tip "Use *this*"`, `=== "`Swift`"`) as inline HTML, the
/// way MkDocs does. Anything that is not a single paragraph (a title starting with `#` or `-`
/// would parse as a heading or list) is escaped as plain text instead.
enum InlineMarkdown {
    static func html(for title: String) -> String {
        let document = CmarkDocument(parsing: title)
        let blocks = document.root.children
        guard blocks.count == 1, blocks[0].type == CMARK_NODE_PARAGRAPH else { return HTMLEscaping.escape(title) }
        let paragraph = document.renderHTML()
        guard paragraph.hasPrefix("<p>"), paragraph.hasSuffix("</p>\n") else { return HTMLEscaping.escape(title) }
        return String(paragraph.dropFirst(3).dropLast(5))
    }
}
