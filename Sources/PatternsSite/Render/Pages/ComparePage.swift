import PatternsContent

/// What `compare.mustache` sees: the `comparison` attributes as tables, by group and by category.
struct CompareView: Sendable {
    struct Table: Sendable {
        var id: String
        var title: String
        var href: String
        var rows: [Row]
    }
    struct Row: Sendable {
        var href: String
        var title: String
        var cells: [String]
    }
    var columns: [String]
    var byGroup: [Table]
    var byCategory: [Table]
}

extension PageFactory {
    func comparePage() -> Page {
        let route = Route.compare
        let catalogue = index.catalogue
        func table(_ prefix: String, _ term: Term, _ target: Route, _ patterns: [Pattern]) -> CompareView.Table? {
            let rows = patterns.filter { !$0.comparison.isEmpty }.map { pattern in
                CompareView.Row(href: route.link(to: .pattern(pattern.id)), title: pattern.title,
                                cells: pattern.comparison.cells)
            }
            return rows.isEmpty ? nil
                : CompareView.Table(id: "\(prefix)-\(term.id)", title: term.title, href: route.link(to: target), rows: rows)
        }
        let view = CompareView(
            columns: Comparison.columns,
            byGroup: catalogue.groups.compactMap { table("group", $0, .group($0.id), index.patterns(inGroup: $0.id)) },
            byCategory: catalogue.categories.compactMap {
                table("category", $0, .category($0.id), index.patterns(inCategory: $0.id))
            })
        return page(route, template: "compare", title: "Compare patterns",
                    description: "Side-by-side tables of how patterns differ: systems, synchronicity, atomicity, consistency and complexity.",
                    section: route, view)
    }
}

extension Comparison {
    static let columns = ["Systems", "Synchronicity", "Atomicity", "Consistency", "Complexity"]

    /// One cell a column, in the order of `columns`; an unset attribute shows as a dash.
    var cells: [String] {
        [systems?.rawValue, synchronicity?.rawValue, atomicity?.rawValue, consistency?.rawValue, complexity?.rawValue]
            .map { $0 ?? "—" }
    }
}
