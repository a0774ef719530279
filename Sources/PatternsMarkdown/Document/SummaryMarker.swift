import CCmarkGFM

/// `<!-- more -->` on its own line ends the summary. cmark parses such a line as an HTML
/// block of its own, so the marker is found on the tree.
enum SummaryMarker {
    static func isMarker(_ node: CmarkNode) -> Bool {
        guard node.type == CMARK_NODE_HTML_BLOCK, let html = node.literal else { return false }
        let text = Substring(html).trimmingWhitespace()
        guard text.hasPrefix("<!--"), text.hasSuffix("-->") else { return false }
        return text.dropFirst(4).dropLast(3).trimmingWhitespace() == "more"
    }

    /// Removes every marker; returns the top-level block that followed the first top-level
    /// marker (nil if it was last), or `.none` when there is no top-level marker.
    static func removeMarkers(from document: CmarkDocument) -> (found: Bool, firstAfter: CmarkNode?) {
        var result: (found: Bool, firstAfter: CmarkNode?) = (false, nil)
        for node in document.root.subtree where isMarker(node) {
            if !result.found, node.parent == document.root {
                result = (true, node.next)
            }
            document.detach(node)
        }
        return result
    }

    /// Cuts the document at `firstAfter`: it and every later top-level block go (footnote
    /// definitions included, which cmark moves to the end).
    static func truncate(_ document: CmarkDocument, from firstAfter: CmarkNode?) {
        var node = firstAfter
        while let current = node {
            node = current.next
            document.detach(current)
        }
        // Their definitions were cut off with the rest; a bare "1" linking nowhere would remain.
        for reference in document.root.subtree where reference.type == CMARK_NODE_FOOTNOTE_REFERENCE {
            document.detach(reference)
        }
    }
}
