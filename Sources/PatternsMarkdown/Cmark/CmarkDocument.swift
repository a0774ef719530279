import CCmarkGFM
import Foundation

/// The options used both to parse and to render: GFM footnotes, raw HTML kept (content is
/// trusted: authors write inline SVG and `<details>`), table alignment as `style` because the
/// `align` attribute is obsolete in HTML5. Smart punctuation stays off.
private let cmarkOptions: Int32 =
    CMARK_OPT_FOOTNOTES | CMARK_OPT_UNSAFE | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES

/// The GitHub extensions every parser gets.
private enum GitHubExtensions {
    static let names = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Registration mutates a global list inside cmark-gfm, so it must happen exactly once;
    /// a `static let` is initialised lazily and atomically by the Swift runtime. The pointers
    /// refer to immutable, process-lifetime extension descriptions, hence `nonisolated(unsafe)`.
    nonisolated(unsafe) static let all: [OpaquePointer] = {
        cmark_gfm_core_extensions_ensure_registered()
        return names.map { name in
            guard let found = cmark_find_syntax_extension(name) else {
                fatalError("cmark-gfm extension '\(name)' is not available")
            }
            return found
        }
    }()

    /// The same extensions as the C list the HTML renderer takes (for the tag filter and the
    /// extensions' own node renderers). Built once, never modified, so renders can share it.
    nonisolated(unsafe) static let renderList: UnsafeMutablePointer<cmark_llist>? = {
        var list: UnsafeMutablePointer<cmark_llist>?
        for syntaxExtension in all {
            list = cmark_llist_append(cmark_get_default_mem_allocator(), list, UnsafeMutableRawPointer(syntaxExtension))
        }
        return list
    }()
}

/// cmark-gfm keeps the table of "special" inline characters in one process-wide array, and
/// every parse writes to it (attached extensions add `~`, `:`, `w`… while inlines are parsed
/// and remove them afterwards). Two parses on different threads would race, so parsing is
/// serialised; rendering only reads one document and runs in parallel.
private let parseLock = NSLock()

/// One parsed Markdown document. Not thread-safe: use it from one thread, then drop it.
final class CmarkDocument {
    let root: CmarkNode
    /// Nodes taken out of the tree. In cmark-gfm the text of inline nodes can point into the
    /// buffer of the block that contained them, so a replaced block is kept alive (and freed
    /// after the tree) instead of being freed at once.
    private var detachedNodes: [CmarkNode] = []

    init(parsing markdown: String) {
        parseLock.lock()
        defer { parseLock.unlock() }
        guard let parser = cmark_parser_new(cmarkOptions) else { fatalError("cmark_parser_new failed") }
        defer { cmark_parser_free(parser) }
        for syntaxExtension in GitHubExtensions.all {
            cmark_parser_attach_syntax_extension(parser, syntaxExtension)
        }
        var text = markdown
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { characters in
                cmark_parser_feed(parser, characters.baseAddress, characters.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else { fatalError("cmark_parser_finish failed") }
        self.root = CmarkNode(root)
    }

    deinit {
        cmark_node_free(root.pointer)
        for node in detachedNodes { cmark_node_free(node.pointer) }
    }

    func renderHTML() -> String {
        guard let html = cmark_render_html(root.pointer, cmarkOptions, GitHubExtensions.renderList) else {
            return ""
        }
        defer { free(html) }
        return String(cString: html)
    }

    /// Puts `replacement` where `node` was and keeps `node` alive until the document goes.
    func replace(_ node: CmarkNode, with replacement: CmarkNode) {
        cmark_node_insert_before(node.pointer, replacement.pointer)
        detach(node)
    }

    /// Takes `node` out of the tree, keeping its memory until the document goes.
    func detach(_ node: CmarkNode) {
        cmark_node_unlink(node.pointer)
        detachedNodes.append(node)
    }
}
