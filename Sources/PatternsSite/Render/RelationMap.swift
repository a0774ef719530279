import Foundation
import PatternsContent
import PatternsMarkdown

/// A pattern's neighbourhood as an inline SVG, drawn at build time: the pattern in the middle,
/// the patterns it is related to around it, one line per typed edge. It needs no script, and
/// its text alternative (`aria-label`) names every edge, as the "Relations" list does with links.
struct RelationMap {
    let pattern: Pattern
    let links: [RelatedLink]

    static let width = 640.0, height = 380.0, boxWidth = 168.0, boxHeight = 30.0

    var svg: String? {
        guard !links.isEmpty else { return nil }
        let centre = (x: Self.width / 2, y: Self.height / 2)
        let count = Double(links.count)
        var edges: [String] = [], nodes: [String] = []
        for (offset, link) in links.enumerated() {
            // Start at the top and go clockwise, so the first written edge is read first.
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(offset) / count
            let x = centre.x + (Self.width / 2 - Self.boxWidth / 2 - 6) * cos(angle)
            let y = centre.y + (Self.height / 2 - Self.boxHeight / 2 - 6) * sin(angle)
            edges.append(edge(from: centre, to: (x, y), role: link.role))
            nodes.append(node(link.pattern.title, at: (x, y), classes: "map-node"))
        }
        nodes.append(node(pattern.title, at: centre, classes: "map-node map-centre"))
        let label = HTMLEscaping.escape("Relations of \(pattern.title): " + links.map {
            "\($0.role.label.lowercased()) \($0.pattern.title)"
        }.joined(separator: "; ") + ".")
        return """
            <svg class="relation-map" viewBox="0 0 \(Int(Self.width)) \(Int(Self.height))" role="img" aria-label="\(label)">
            <defs><marker id="map-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="map-arrowhead"/></marker></defs>
            \(edges.joined(separator: "\n"))
            \(nodes.joined(separator: "\n"))
            </svg>
            """
    }

    /// Lines stop at the boxes' edges so arrowheads stay visible; `requires` points away from
    /// this pattern, `required by` towards it.
    private func edge(from a: (x: Double, y: Double), to b: (x: Double, y: Double), role: RelatedLink.Role) -> String {
        let start = clip(from: b, to: a), end = clip(from: a, to: b)
        let marker: String
        switch role {
        case .requires: marker = " marker-end=\"url(#map-arrow)\""
        case .requiredBy: marker = " marker-start=\"url(#map-arrow)\""
        default: marker = ""
        }
        return "<line class=\"map-edge map-\(role.rawValue)\" x1=\"\(format(start.x))\" y1=\"\(format(start.y))\" x2=\"\(format(end.x))\" y2=\"\(format(end.y))\"\(marker)/>"
    }

    /// The point where the segment from `outside` to the centre of the box at `box` meets the box.
    private func clip(from outside: (x: Double, y: Double), to box: (x: Double, y: Double)) -> (x: Double, y: Double) {
        let dx = outside.x - box.x, dy = outside.y - box.y
        let scale = min(abs(dx) > 0 ? (Self.boxWidth / 2 + 3) / abs(dx) : .infinity,
                        abs(dy) > 0 ? (Self.boxHeight / 2 + 3) / abs(dy) : .infinity, 1)
        return (box.x + dx * scale, box.y + dy * scale)
    }

    private func node(_ title: String, at point: (x: Double, y: Double), classes: String) -> String {
        let text = title.count > 24 ? String(title.prefix(23)) + "…" : title
        return "<g class=\"\(classes)\"><rect x=\"\(format(point.x - Self.boxWidth / 2))\" y=\"\(format(point.y - Self.boxHeight / 2))\" width=\"\(Int(Self.boxWidth))\" height=\"\(Int(Self.boxHeight))\" rx=\"6\"/><text x=\"\(format(point.x))\" y=\"\(format(point.y + 4.5))\" text-anchor=\"middle\">\(HTMLEscaping.escape(text))</text></g>"
    }

    private func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
