import PatternsContent

/// What `home.mustache` sees: what the catalogue is and every way into it.
struct HomeView: Sendable {
    struct Count: Sendable {
        var value: Int
        var label: String
    }
    var title: String
    var description: String
    var counts: [Count]
    var problems: [TermEntry]
    var categories: [TermEntry]
    var difficulties: [TermEntry]
    var groups: [TermEntry]
    var paths: [TermEntry]
    var katas: LinkView
    var guides: [LinkView]
    var compare: String
    var map: String
}

extension PageFactory {
    func homePage() -> Page {
        let route = Route.home
        let catalogue = index.catalogue
        func entry(_ target: Route, _ title: String, _ description: String?, _ patterns: [Pattern]) -> TermEntry {
            TermEntry(href: route.link(to: target), title: title, description: description,
                      count: patterns.count, patterns: [])
        }
        let view = HomeView(
            title: config.title,
            description: config.description,
            counts: [
                .init(value: index.patterns.count, label: index.patterns.count == 1 ? "pattern" : "patterns"),
                .init(value: catalogue.katas.count, label: catalogue.katas.count == 1 ? "kata" : "katas"),
                .init(value: catalogue.guides.count, label: catalogue.guides.count == 1 ? "guide" : "guides"),
                .init(value: catalogue.paths.count, label: catalogue.paths.count == 1 ? "learning path" : "learning paths"),
            ],
            problems: catalogue.problems.map {
                entry(.problem($0.id), $0.title, $0.description, index.patterns(solving: $0.id))
            },
            categories: catalogue.categories.map {
                entry(.category($0.id), $0.title, $0.description, index.patterns(inCategory: $0.id))
            },
            difficulties: Difficulty.allCases.map {
                entry(.difficulty($0.rawValue), $0.label, $0.summary, index.patterns(ofDifficulty: $0))
            },
            groups: catalogue.groups.map {
                entry(.group($0.id), $0.title, $0.description, index.patterns(inGroup: $0.id))
            },
            paths: catalogue.paths.map {
                TermEntry(href: route.link(to: .paths) + "#\($0.id)", title: $0.title, description: $0.description,
                          count: index.steps(of: $0).count, patterns: [])
            },
            katas: LinkView(href: route.link(to: .katas), title: "All katas"),
            guides: index.guides.map { LinkView(href: route.link(to: .guide($0.id)), title: $0.title) },
            compare: route.link(to: .compare),
            map: route.link(to: .map))
        return page(route, template: "home", title: config.title, description: config.description, section: nil, view)
    }
}
