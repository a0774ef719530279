import CCmarkGFM
import Foundation

/// A thin, copyable handle on a `cmark_node`, valid while its `CmarkDocument` lives.
struct CmarkNode: Hashable {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    /// A new, unattached node; it belongs to a document once inserted into its tree.
    init(type: cmark_node_type) {
        guard let pointer = cmark_node_new(type) else { fatalError("cmark_node_new failed") }
        self.pointer = pointer
    }

    /// A raw HTML block, rendered verbatim (the renderer runs with CMARK_OPT_UNSAFE).
    static func htmlBlock(_ html: String) -> CmarkNode {
        let node = CmarkNode(type: CMARK_NODE_HTML_BLOCK)
        cmark_node_set_literal(node.pointer, html)
        return node
    }

    /// A custom block wrapping a custom inline: the block gives the line breaks, the inline
    /// prints `enter`, its children and `exit` on one line (a custom block alone would put
    /// newlines inside the element).
    static func inlineWrapper(enter: String, exit: String) -> (block: CmarkNode, inline: CmarkNode) {
        let block = CmarkNode(type: CMARK_NODE_CUSTOM_BLOCK)
        let inline = CmarkNode(type: CMARK_NODE_CUSTOM_INLINE)
        cmark_node_set_on_enter(inline.pointer, enter)
        cmark_node_set_on_exit(inline.pointer, exit)
        cmark_node_append_child(block.pointer, inline.pointer)
        return (block, inline)
    }

    /// A custom block printing `enter`, its (block) children, then `exit`.
    static func customBlock(enter: String, exit: String) -> CmarkNode {
        let block = CmarkNode(type: CMARK_NODE_CUSTOM_BLOCK)
        cmark_node_set_on_enter(block.pointer, enter)
        cmark_node_set_on_exit(block.pointer, exit)
        return block
    }

    var type: cmark_node_type { cmark_node_get_type(pointer) }

    var literal: String? {
        get { cmark_node_get_literal(pointer).map { String(cString: $0) } }
        nonmutating set { cmark_node_set_literal(pointer, newValue) }
    }

    var url: String? {
        get { cmark_node_get_url(pointer).map { String(cString: $0) } }
        nonmutating set { cmark_node_set_url(pointer, newValue) }
    }

    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    var isFenced: Bool {
        var length: Int32 = 0
        var offset: Int32 = 0
        var character: CChar = 0
        return cmark_node_get_fenced(pointer, &length, &offset, &character) != 0
    }
    var fenceInfo: String { cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? "" }
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }

    var parent: CmarkNode? { cmark_node_parent(pointer).map(CmarkNode.init) }
    var firstChild: CmarkNode? { cmark_node_first_child(pointer).map(CmarkNode.init) }
    var next: CmarkNode? { cmark_node_next(pointer).map(CmarkNode.init) }

    var children: [CmarkNode] {
        var result: [CmarkNode] = []
        var child = firstChild
        while let current = child {
            result.append(current)
            child = current.next
        }
        return result
    }

    /// This node and everything below it, in document order. Collected up front so callers
    /// can restructure the tree while walking the list.
    var subtree: [CmarkNode] {
        var result: [CmarkNode] = []
        guard let iterator = cmark_iter_new(pointer) else { return result }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) {
                result.append(CmarkNode(node))
            }
        }
        return result
    }

    /// Moves every child of `self` to the end of `destination`'s children.
    func moveChildren(to destination: CmarkNode) {
        while let child = firstChild {
            cmark_node_append_child(destination.pointer, child.pointer)
        }
    }
}
