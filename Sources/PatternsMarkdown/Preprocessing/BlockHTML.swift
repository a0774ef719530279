// The HTML the block preprocessors wrap around Markdown bodies. The wrappers are raw HTML
// blocks separated from the body by blank lines, so cmark still parses the body as Markdown.
//
// Admonition (`!!! tip "Title"` and GitHub `> [!TIP]`):
//
//     <div class="admonition tip" role="note">
//     <p class="admonition-title">Title</p>          (left out for `!!! tip ""`)
//     …body…
//     </div>
//
// Collapsible admonition (`??? tip "Title"`, `???+` adds `open`):
//
//     <details class="admonition tip">
//     <summary class="admonition-title">Title</summary>
//     …body…
//     </details>
//
// Titles and tab labels are inline Markdown (`*em*`, `` `code` ``), escaped otherwise.
// Extra words after the type (`!!! tip inline "T"`) are added as classes. The type is used as
// written, so unknown types still render, with their own class.
//
// Content tabs (no JavaScript; the radios carry the state, CSS shows the checked panel):
//
//     <div class="tabbed-set" role="radiogroup" aria-label="Tabs: Swift, Go">
//     <input class="tabbed-input" type="radio" name="tabs-1" id="tabs-1-1" checked>
//     <input class="tabbed-input" type="radio" name="tabs-1" id="tabs-1-2">
//     <div class="tabbed-labels"><label for="tabs-1-1">Swift</label><label for="tabs-1-2">Go</label></div>
//     <div class="tabbed-panels">
//     <div class="tabbed-panel">…first body…</div>
//     <div class="tabbed-panel">…second body…</div>
//     </div>
//     </div>
//
// Group numbers count tab groups in page order (nested groups too), so ids are unique per page.
// The inputs come first so that sibling selectors reach labels and panels, e.g.
//     .tabbed-panel { display: none }
//     .tabbed-input:nth-of-type(2):checked ~ .tabbed-panels > .tabbed-panel:nth-child(2) { display: block }
//     .tabbed-input:nth-of-type(2):checked ~ .tabbed-labels > label:nth-child(2) { /* active */ }
//     .tabbed-input:nth-of-type(2):focus-visible ~ .tabbed-labels > label:nth-child(2) { /* focus ring */ }
// Hide the inputs visually (not with display: none) so the keyboard can still reach them.

enum BlockHTML {
    static func admonitionOpening(_ marker: AdmonitionMarker) -> [String] {
        let classes = HTMLEscaping.escape((["admonition", marker.type] + marker.extraClasses).joined(separator: " "))
        switch marker.style {
        case .box:
            var lines = ["<div class=\"\(classes)\" role=\"note\">"]
            if let title = marker.title {
                lines.append("<p class=\"admonition-title\">\(InlineMarkdown.html(for: title))</p>")
            }
            return lines
        case .collapsible(let initiallyOpen):
            return [
                "<details class=\"\(classes)\"\(initiallyOpen ? " open" : "")>",
                "<summary class=\"admonition-title\">\(InlineMarkdown.html(for: marker.title ?? marker.type))</summary>",
            ]
        }
    }

    static func admonitionClosing(_ marker: AdmonitionMarker) -> String {
        marker.style == .box ? "</div>" : "</details>"
    }

    static func tabInputID(group: Int, tab: Int) -> String {
        "tabs-\(group)-\(tab)"
    }

    static func tabsOpening(group: Int, titles: [String], selected: Int) -> [String] {
        // The radios form one named group, so a screen reader says what is being chosen.
        let name = HTMLEscaping.escape("Tabs: " + titles.map { $0.filter { $0 != "`" } }.joined(separator: ", "))
        var lines = ["<div class=\"tabbed-set\" role=\"radiogroup\" aria-label=\"\(name)\">"]
        for index in titles.indices {
            let id = tabInputID(group: group, tab: index + 1)
            let checked = index == selected ? " checked" : ""
            lines.append("<input class=\"tabbed-input\" type=\"radio\" name=\"tabs-\(group)\" id=\"\(id)\"\(checked)>")
        }
        let labels = titles.enumerated().map { index, title in
            "<label for=\"\(tabInputID(group: group, tab: index + 1))\">\(InlineMarkdown.html(for: title))</label>"
        }
        lines.append("<div class=\"tabbed-labels\">\(labels.joined())</div>")
        lines.append("<div class=\"tabbed-panels\">")
        return lines
    }

    static let tabPanelOpening = "<div class=\"tabbed-panel\">"
    static let tabPanelClosing = "</div>"
    static let tabsClosing = ["</div>", "</div>"]
}
