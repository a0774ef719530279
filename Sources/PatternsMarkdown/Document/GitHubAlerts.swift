import CCmarkGFM

/// GitHub alerts: a block quote whose first line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
/// `[!WARNING]` or `[!CAUTION]` becomes the same admonition markup as `!!! note` (see
/// BlockHTML). Done on the tree rather than the text, so positions stay exact.
enum GitHubAlerts {
    static let types = ["note", "tip", "important", "warning", "caution"]

    static func convert(in document: CmarkDocument) {
        // Inner quotes first: converting an outer quote moves, but never frees, inner nodes.
        for quote in document.root.subtree.reversed() where quote.type == CMARK_NODE_BLOCK_QUOTE {
            guard let type = removeMarker(from: quote, in: document) else { continue }
            let title = type.prefix(1).uppercased() + type.dropFirst()
            let opening = """
                <div class="admonition \(type)" role="note">
                <p class="admonition-title">\(title)</p>
                """
            let admonition = CmarkNode.customBlock(enter: opening, exit: "</div>")
            quote.moveChildren(to: admonition)
            document.replace(quote, with: admonition)
        }
    }

    /// Removes the `[!TYPE]` line from the quote's first paragraph and returns the type, or
    /// returns nil (changing nothing) when the quote is not an alert.
    private static func removeMarker(from quote: CmarkNode, in document: CmarkDocument) -> String? {
        guard let paragraph = quote.firstChild, paragraph.type == CMARK_NODE_PARAGRAPH,
              let first = paragraph.firstChild, first.type == CMARK_NODE_TEXT,
              let literal = first.literal
        else { return nil }
        // cmark merges adjacent text nodes when parsing finishes, so `[!NOTE]` is one node.
        let written = Substring(literal).trimmingWhitespace()
        guard written.hasPrefix("[!"), written.hasSuffix("]") else { return nil }
        let type = written.dropFirst(2).dropLast().lowercased()
        guard types.contains(type) else { return nil }
        if let following = first.next {
            guard following.type == CMARK_NODE_SOFTBREAK || following.type == CMARK_NODE_LINEBREAK else { return nil }
            cmark_node_unlink(following.pointer)
            cmark_node_free(following.pointer)
        }
        document.detach(first)
        if paragraph.firstChild == nil {
            document.detach(paragraph)
        }
        return type
    }
}
