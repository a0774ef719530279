import PatternsContent

/// What `pattern.mustache` sees.
struct PatternView: Sendable {
    struct Related: Sendable {
        var href: String
        var title: String
        var role: String
        var label: String
        var reason: String?
    }
    struct KnownUseView: Sendable {
        var name: String
        var url: String?
        var note: String?
    }
    struct AlternativeView: Sendable {
        var href: String
        var title: String
        var reason: String?
    }

    var id: String
    var title: String
    var tagline: String
    var tier: String
    var tierLabel: String
    var wip: Bool
    var difficulty: String
    var difficultyLabel: String
    var difficultyHref: String
    var category: LinkView?
    var group: LinkView?
    var problems: [LinkView]
    var tags: [LinkView]
    var aliases: String?
    var updated: String?
    var toc: [TocEntry]
    var body: String
    var related: [Related]
    var previous: LinkView?
    var next: LinkView?
    var knownUses: [KnownUseView]
    var checklist: [String]
    var alternatives: [AlternativeView]
    var references: [Reference]
    var kata: LinkView?
    var kataBlurb: String?
    /// Whether the front matter gives anything for the quick-reference card (Mustache reads
    /// stored properties only, so this cannot be computed on demand).
    var hasCard = false
}

extension PageFactory {
    func patternPage(_ pattern: Pattern) -> Page {
        let route = Route.pattern(pattern.id)
        let catalogue = index.catalogue
        func link(_ target: Pattern?) -> LinkView? {
            target.map { LinkView(href: route.link(to: .pattern($0.id)), title: $0.title) }
        }
        let neighbours = index.neighbours(of: pattern)
        let kata = index.kata(for: pattern)
        let rendered = markdown[pattern.source.path]
        var view = PatternView(
            id: pattern.id,
            title: pattern.title,
            tagline: pattern.tagline,
            tier: pattern.tier.rawValue,
            tierLabel: pattern.tier.label,
            wip: pattern.isWorkInProgress,
            difficulty: pattern.difficulty.rawValue,
            difficultyLabel: pattern.difficulty.label,
            difficultyHref: route.link(to: .difficulty(pattern.difficulty.rawValue)),
            category: catalogue.categories.first { $0.id == pattern.category }
                .map { LinkView(href: route.link(to: .category($0.id)), title: $0.title) },
            group: pattern.group.flatMap { id in catalogue.groups.first { $0.id == id } }
                .map { LinkView(href: route.link(to: .group($0.id)), title: $0.title) },
            problems: pattern.problems.compactMap { id in catalogue.problems.first { $0.id == id } }
                .map { LinkView(href: route.link(to: .problem($0.id)), title: $0.title) },
            tags: pattern.tags.map { LinkView(href: route.link(to: .tag($0)), title: $0) },
            aliases: pattern.aliases.isEmpty ? nil : pattern.aliases.joined(separator: ", "),
            updated: pattern.updated?.description,
            toc: tableOfContents(rendered),
            body: rendered?.html ?? "",
            related: index.related(to: pattern.id).map {
                PatternView.Related(href: route.link(to: .pattern($0.pattern.id)), title: $0.pattern.title,
                                    role: $0.role.rawValue, label: $0.role.label, reason: $0.reason)
            },
            previous: link(neighbours.previous),
            next: link(neighbours.next),
            knownUses: pattern.knownUses.map { PatternView.KnownUseView(name: $0.name, url: $0.url, note: $0.note) },
            checklist: pattern.checklist,
            alternatives: pattern.modernAlternatives.compactMap { alternative in
                index.pattern(alternative.id).map {
                    PatternView.AlternativeView(href: route.link(to: .pattern($0.id)), title: $0.title,
                                                reason: alternative.reason)
                }
            },
            references: pattern.references,
            kata: kata.map { LinkView(href: route.link(to: .kata($0.id)), title: $0.title) },
            kataBlurb: kata?.blurb)
        view.hasCard = !(view.related.isEmpty && view.alternatives.isEmpty && view.knownUses.isEmpty
            && view.checklist.isEmpty && view.references.isEmpty)
        return page(route, template: "pattern", title: pattern.title, description: pattern.summary,
                    section: nil, view)
    }
}
