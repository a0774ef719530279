import CCmarkGFM

/// Fenced code blocks: listed for the Swift type-checker, and rendered here rather than by
/// cmark so the class is always `language-<first word>` and Swift gets highlighted.
enum CodeBlocks {
    static func fenced(in document: CmarkDocument) -> [CmarkNode] {
        document.root.subtree.filter { $0.type == CMARK_NODE_CODE_BLOCK && $0.isFenced }
    }

    static func codeBlock(_ node: CmarkNode, lineMap: LineMap) -> CodeBlock {
        let info = node.fenceInfo
        let position = lineMap.originalPosition(line: node.startLine, byteColumn: node.startColumn)
        return CodeBlock(language: language(of: info), info: info, code: node.literal ?? "", line: position.line)
    }

    /// The first word of the info string; extra words (`swift ignore`) are for tools.
    static func language(of info: String) -> String? {
        info.split(whereSeparator: \.isWhitespace).first.map(String.init)
    }

    /// Replaces every fenced block by `<pre tabindex="0"><code class="language-x">…</code></pre>`
    /// (focusable, so a keyboard can scroll a long line into view).
    static func render(in document: CmarkDocument) {
        for node in fenced(in: document) {
            let code = node.literal ?? ""
            let language = language(of: node.fenceInfo)
            let body = language == "swift" ? SwiftHighlighter.highlight(code) : HTMLEscaping.escape(code)
            let classAttribute = language.map { " class=\"language-\(HTMLEscaping.escape($0))\"" } ?? ""
            document.replace(node, with: .htmlBlock("<pre tabindex=\"0\"><code\(classAttribute)>\(body)</code></pre>\n"))
        }
    }
}
