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

    /// A step of a learning path this pattern is part of: "step n of m" with the path's neighbours.
    struct PathStepView: Sendable {
        var path: LinkView
        var number: Int
        var count: Int
        var previous: LinkView?
        var next: LinkView?
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
    var tags: [TagView]
    var aliases: String?
    var updated: String?
    var toc: [TocEntry]
    var body: String
    var related: [Related]
    /// The neighbourhood drawn as SVG (nil without relations).
    var relationMap: String?
    var mapHref: String
    /// Where previous / next lead: the group, else the category, else the A–Z list.
    var sequence: LinkView
    var previous: LinkView?
    var next: LinkView?
    var breadcrumbs: [LinkView]
    var pathSteps: [PathStepView]
    var readingMinutes: Int
    var editURL: String?
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
            tags: tagViews(pattern.tags, from: route),
            aliases: pattern.aliases.isEmpty ? nil : pattern.aliases.joined(separator: ", "),
            updated: pattern.updated?.description,
            toc: tableOfContents(rendered),
            body: rendered?.html ?? "",
            related: index.related(to: pattern.id).map {
                PatternView.Related(href: route.link(to: .pattern($0.pattern.id)), title: $0.pattern.title,
                                    role: $0.role.rawValue, label: $0.role.label, reason: $0.reason)
            },
            relationMap: RelationMap(pattern: pattern, links: index.related(to: pattern.id)).svg,
            mapHref: route.link(to: .map),
            sequence: LinkView(href: route.link(to: neighbours.scope), title: title(of: neighbours.scope)),
            previous: link(neighbours.previous),
            next: link(neighbours.next),
            breadcrumbs: breadcrumbs(for: pattern, from: route),
            pathSteps: pathSteps(of: pattern, from: route),
            readingMinutes: ReadingTime.minutes(html: rendered?.html ?? ""),
            editURL: editURL(pattern.source.path),
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
                    section: nil, ogType: "article", view)
    }

    /// Home › category › pattern (the last is the page itself, so it is not a link).
    private func breadcrumbs(for pattern: Pattern, from route: Route) -> [LinkView] {
        var trail = [LinkView(href: route.link(to: .home), title: "Home")]
        if let category = index.catalogue.categories.first(where: { $0.id == pattern.category }) {
            trail.append(LinkView(href: route.link(to: .category(category.id)), title: category.title))
        }
        return trail
    }

    private func pathSteps(of pattern: Pattern, from route: Route) -> [PatternView.PathStepView] {
        index.catalogue.paths.compactMap { path in
            let steps = index.steps(of: path).map(\.pattern)
            guard let position = steps.firstIndex(where: { $0.id == pattern.id }) else { return nil }
            func step(_ at: Int) -> LinkView? {
                steps.indices.contains(at) ? LinkView(href: route.link(to: .pattern(steps[at].id)), title: steps[at].title) : nil
            }
            return PatternView.PathStepView(
                path: LinkView(href: route.link(to: .paths) + "#\(path.id)", title: path.title),
                number: position + 1, count: steps.count, previous: step(position - 1), next: step(position + 1))
        }
    }

    /// The title of a group, category or the A–Z route, for "previous and next in …".
    private func title(of scope: Route) -> String {
        let terms = index.catalogue.groups.map { (Route.group($0.id), $0.title) }
            + index.catalogue.categories.map { (Route.category($0.id), $0.title) }
            + [(Route.patternIndex, "Patterns A–Z")]
        return terms.first { $0.0 == scope }?.1 ?? ""
    }
}

/// A tag on a page: linked when the tag has a page (more than one page uses it).
struct TagView: Sendable {
    var title: String
    var href: String?
}

extension PageFactory {
    func tagViews(_ tags: [String], from route: Route) -> [TagView] {
        tags.map { TagView(title: $0, href: index.hasTagPage($0) ? route.link(to: .tag($0)) : nil) }
    }

    /// "Edit this page" on the repository's web interface (GitHub's `/edit/BRANCH/PATH` form).
    func editURL(_ sourcePath: String) -> String? {
        config.repository.map { repository in
            (repository.hasSuffix("/") ? String(repository.dropLast()) : repository) + "/edit/\(config.branch)/\(sourcePath)"
        }
    }
}
