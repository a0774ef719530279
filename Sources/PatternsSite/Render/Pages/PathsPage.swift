import PatternsContent

/// What `paths.mustache` sees: every learning path with its steps in order.
struct PathsView: Sendable {
    struct PathView: Sendable {
        var id: String
        var title: String
        var description: String
        var steps: [StepView]
    }
    struct StepView: Sendable {
        var number: Int
        var pattern: PatternCard
        var why: String
    }
    var paths: [PathView]
}

extension PageFactory {
    func pathsPage() -> Page {
        let route = Route.paths
        let view = PathsView(paths: index.catalogue.paths.map { path in
            PathsView.PathView(
                id: path.id, title: path.title, description: path.description,
                steps: index.steps(of: path).enumerated().map { offset, item in
                    PathsView.StepView(number: offset + 1, pattern: card(item.pattern, from: route), why: item.step.why)
                })
        })
        return page(route, template: "paths", title: "Learning paths",
                    description: "Ordered routes through the catalogue, each step saying why it follows the last.",
                    section: route, view)
    }
}
