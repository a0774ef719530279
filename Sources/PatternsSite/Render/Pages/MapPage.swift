import Foundation
import PatternsContent
import PatternsMarkdown

/// What `map.mustache` sees: every typed edge of the catalogue, drawn and listed.
struct MapView: Sendable {
    struct Edge: Sendable {
        var from: LinkView
        var label: String
        var to: LinkView
    }
    var svg: String
    var edges: [Edge]
}

extension PageFactory {
    /// The whole catalogue's relations: patterns on a circle (A–Z, clockwise from the top), one
    /// chord per edge as written. The list under it is the text alternative, with links.
    func mapPage() -> Page {
        let route = Route.map
        let patterns = index.patterns
        let size = 1000.0, radius = 400.0
        var position: [String: (x: Double, y: Double, angle: Double)] = [:]
        for (offset, pattern) in patterns.enumerated() {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(offset) / Double(max(patterns.count, 1))
            position[pattern.id] = (size / 2 + radius * cos(angle), size / 2 + radius * sin(angle), angle)
        }
        var lines: [String] = [], edges: [MapView.Edge] = []
        for pattern in patterns {
            for link in index.related(to: pattern.id) where link.isOutgoing {
                guard let a = position[pattern.id], let b = position[link.pattern.id] else { continue }
                lines.append(String(format: "<line class=\"map-edge map-%@\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
                                    link.role.rawValue, a.x, a.y, b.x, b.y))
                edges.append(MapView.Edge(
                    from: LinkView(href: route.link(to: .pattern(pattern.id)), title: pattern.title),
                    label: link.role.label.lowercased(),
                    to: LinkView(href: route.link(to: .pattern(link.pattern.id)), title: link.pattern.title)))
            }
        }
        let labels = patterns.compactMap { pattern -> String? in
            guard let p = position[pattern.id] else { return nil }
            // Labels point outwards; on the left half they read right to left from the dot.
            let left = cos(p.angle) < 0
            let x = size / 2 + (radius + 8) * cos(p.angle), y = size / 2 + (radius + 8) * sin(p.angle) + 4
            return String(format: "<circle class=\"map-dot\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\"/><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%@\">%@</text>",
                          p.x, p.y, x, y, left ? "end" : "start", HTMLEscaping.escape(pattern.title))
        }
        let svg = """
            <svg class="catalogue-map" viewBox="-220 -40 1440 1080" role="img" aria-label="Map of all \(edges.count) relations between the \(patterns.count) patterns; the list below gives each one.">
            \(lines.joined(separator: "\n"))
            \(labels.joined(separator: "\n"))
            </svg>
            """
        return page(route, template: "map", title: "Relationship map",
                    description: "Every typed relation between the patterns, as a map and as a list.",
                    section: nil, MapView(svg: svg, edges: edges))
    }
}
