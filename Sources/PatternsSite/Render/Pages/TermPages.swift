import PatternsContent

/// What `terms.mustache` sees: an index of categories, problems, groups, levels or tags.
struct TermIndexView: Sendable {
    var title: String
    var intro: String
    var entries: [TermEntry]
}

/// What `term.mustache` sees: one category, problem, group, level or tag and its patterns.
struct TermView: Sendable {
    var kind: String
    var title: String
    var description: String?
    var patterns: [PatternCard]
    var guides: [LinkView]
    var up: LinkView
}

/// One navigation axis: how its terms are found, titled and routed.
private struct Axis {
    var index: Route
    var kind: String
    var title: String
    var intro: String
    var terms: [(id: String, title: String, description: String?, route: Route, patterns: [Pattern])]
}

extension PageFactory {
    func termPages() -> [Page] {
        axes().flatMap { axis in
            let entries = axis.terms.map { term in
                TermEntry(href: axis.index.link(to: term.route), title: term.title, description: term.description,
                          count: term.patterns.count, patterns: cards(term.patterns, from: axis.index))
            }
            let indexPage = page(axis.index, template: "terms", title: axis.title, description: axis.intro,
                                 section: axis.index, TermIndexView(title: axis.title, intro: axis.intro, entries: entries))
            return [indexPage] + axis.terms.map { term in
                let guides = axis.kind == "Tag" ? index.guides.filter { $0.tags.contains(term.id) } : []
                return page(term.route, template: "term", title: term.title,
                            description: term.description ?? "\(axis.kind): \(term.title)", section: axis.index,
                            TermView(kind: axis.kind, title: term.title, description: term.description,
                                     patterns: cards(term.patterns, from: term.route),
                                     guides: guides.map { LinkView(href: term.route.link(to: .guide($0.id)), title: $0.title) },
                                     up: LinkView(href: term.route.link(to: axis.index), title: axis.title)))
            }
        }
    }

    private func axes() -> [Axis] {
        let catalogue = index.catalogue
        return [
            Axis(index: .categories, kind: "Category", title: "Categories",
                 intro: "Patterns by the kind of concern they address.",
                 terms: catalogue.categories.map {
                     ($0.id, $0.title, $0.description, .category($0.id), index.patterns(inCategory: $0.id))
                 }),
            Axis(index: .problems, kind: "Problem", title: "What problem are you trying to solve?",
                 intro: "Start from the trouble you are in; each problem lists the patterns that address it.",
                 terms: catalogue.problems.map {
                     ($0.id, $0.title, $0.description, .problem($0.id), index.patterns(solving: $0.id))
                 }),
            Axis(index: .groups, kind: "Group", title: "Groups",
                 intro: "Patterns that are best read together, in order.",
                 terms: catalogue.groups.map {
                     ($0.id, $0.title, $0.description, .group($0.id), index.patterns(inGroup: $0.id))
                 }),
            Axis(index: .difficulties, kind: "Difficulty", title: "By difficulty",
                 intro: "Patterns by how much background they assume.",
                 terms: Difficulty.allCases.map {
                     ($0.rawValue, $0.label, $0.summary, .difficulty($0.rawValue), index.patterns(ofDifficulty: $0))
                 }),
            Axis(index: .tags, kind: "Tag", title: "Tags",
                 intro: "Tags used by more than one page. A tag only one page uses is shown on that page, without a page of its own.",
                 terms: index.tagsWithPages.map {
                     ($0, $0, nil, .tag($0), index.patterns(taggedWith: $0))
                 }),
        ]
    }
}

extension Difficulty {
    var summary: String {
        switch self {
        case .beginner: "No distributed-systems background needed."
        case .intermediate: "Assumes you are comfortable with retries, timeouts and basic messaging."
        case .advanced: "Assumes familiarity with consensus, replication and failure models."
        }
    }
}
