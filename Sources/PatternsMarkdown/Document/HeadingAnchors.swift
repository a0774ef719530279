import CCmarkGFM

/// Slugs for headings: lowercase, letters and digits kept, every run of anything else
/// becomes one `-`, no `-` at either end; repeats get `-1`, `-2`… in document order.
struct AnchorAllocator {
    private var used: Set<String>
    /// The next suffix to try per slug, so `n` equal headings cost `O(n)`, not `O(n²)`.
    private var nextSuffix: [String: Int] = [:]

    /// `reserved` ids (written in raw HTML, or generated for tabs) are never handed out.
    init(reserved: Set<String>) {
        used = reserved
    }

    static func slug(_ text: String) -> String {
        var slug = ""
        var pendingSeparator = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingSeparator, !slug.isEmpty { slug.append("-") }
                pendingSeparator = false
                slug.append(character)
            } else {
                pendingSeparator = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }

    mutating func uniqueID(for text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        var suffix = nextSuffix[base, default: 0]
        if suffix > 0 { candidate = "\(base)-\(suffix)" }
        while used.contains(candidate) {
            suffix += 1
            candidate = "\(base)-\(suffix)"
        }
        nextSuffix[base] = suffix + 1
        used.insert(candidate)
        return candidate
    }
}

/// Finds the headings of a document and gives each its id. Phase 1 (`anchors(in:)`) and
/// phase 2 (`render`) both use this, so the ids other pages check against are the ids rendered.
enum HeadingAnchors {
    struct Located {
        let node: CmarkNode
        let heading: Heading
    }

    /// Most headings one page may have (documented in docs/content-format.md): far more than a
    /// reader can use, and it keeps the table of contents and anchor checks small.
    static let maximumHeadings = 1_000

    /// A problem at the first heading past the limit, if there is one.
    static func limitProblems(_ headings: [Heading]) -> [MarkdownProblem] {
        guard headings.count > maximumHeadings else { return [] }
        let first = headings[maximumHeadings]
        return [MarkdownProblem(line: first.line, column: first.column,
                                message: "\(headings.count) headings; a page may have at most \(maximumHeadings)")]
    }

    static func headings(in document: CmarkDocument, reserving reserved: Set<String>, lineMap: LineMap) -> [Located] {
        var allocator = AnchorAllocator(reserved: reserved)
        return document.root.subtree
            .filter { $0.type == CMARK_NODE_HEADING }
            .map { node in
                let text = plainText(of: node)
                let position = lineMap.originalPosition(line: node.startLine, byteColumn: node.startColumn)
                let heading = Heading(level: node.headingLevel, text: text, id: allocator.uniqueID(for: text),
                                      line: position.line, column: position.column)
                return Located(node: node, heading: heading)
            }
    }

    /// Replaces each heading node by
    /// `<h2 id="solution">Solution <a class="anchor" href="#solution" aria-label="Link to section: Solution">#</a></h2>`
    /// (the link last, so the heading text is read first; named after its heading, so a list of
    /// a page's links does not show ten links all called the same).
    static func addAnchors(to headings: [Located], in document: CmarkDocument) {
        for located in headings {
            let level = located.heading.level
            let id = HTMLEscaping.escape(located.heading.id)
            let name = HTMLEscaping.escape("Link to section: \(located.heading.text)")
            let link = "<a class=\"anchor\" href=\"#\(id)\" aria-label=\"\(name)\">#</a>"
            let wrapper = CmarkNode.inlineWrapper(enter: "<h\(level) id=\"\(id)\">", exit: " \(link)</h\(level)>")
            located.node.moveChildren(to: wrapper.inline)
            document.replace(located.node, with: wrapper.block)
        }
    }

    /// The words a reader sees: text and inline code, markup and raw HTML dropped.
    static func plainText(of node: CmarkNode) -> String {
        var pieces: [String] = []
        collectText(of: node, into: &pieces)
        return pieces.joined()
            .split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
    }

    private static func collectText(of node: CmarkNode, into pieces: inout [String]) {
        for child in node.children {
            switch child.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                pieces.append(child.literal ?? "")
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                pieces.append(" ")
            case CMARK_NODE_HTML_INLINE, CMARK_NODE_FOOTNOTE_REFERENCE:
                continue
            default:
                collectText(of: child, into: &pieces)
            }
        }
    }
}

/// Ids authors write in raw HTML (`<a id="retry-budget"></a>`, `<details id=…>`), and the ids
/// the tab preprocessor generates: both are link targets and both must not be reused.
enum ExplicitIDs {
    static func ids(in document: CmarkDocument) -> Set<String> {
        var ids: Set<String> = []
        for node in document.root.subtree where node.type == CMARK_NODE_HTML_BLOCK || node.type == CMARK_NODE_HTML_INLINE {
            if let html = node.literal { ids.formUnion(scanIDAttributes(html)) }
        }
        return ids
    }

    /// Values of `id="…"`, `id='…'` and `id=…` attributes. A small scanner rather than an HTML
    /// parser: good enough for hand-written tags, and it never fails.
    static func scanIDAttributes(_ html: String) -> [String] {
        let bytes = Array(html.utf8)
        var ids: [String] = []
        var index = 0
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        while index + 2 < bytes.count {
            let startsAttribute = isSpace(bytes[index])
                && (bytes[index + 1] | 0x20) == UInt8(ascii: "i")
                && (bytes[index + 2] | 0x20) == UInt8(ascii: "d")
            index += 1
            guard startsAttribute else { continue }
            var cursor = index + 2
            while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") else { continue }
            cursor += 1
            while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
            guard cursor < bytes.count else { break }
            let quote = bytes[cursor]
            var valueStart = cursor
            var valueEnd = cursor
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                valueStart = cursor + 1
                valueEnd = valueStart
                while valueEnd < bytes.count, bytes[valueEnd] != quote { valueEnd += 1 }
            } else {
                while valueEnd < bytes.count, !isSpace(bytes[valueEnd]), bytes[valueEnd] != UInt8(ascii: ">") { valueEnd += 1 }
            }
            if valueEnd > valueStart {
                ids.append(String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self))
            }
            index = valueEnd
        }
        return ids
    }
}
