import PatternsContent
import PatternsMarkdown

/// Turns the index and the rendered Markdown into every page's template context.
///
/// Each page kind has its own extension (`Pages/*.swift`); this file holds what they share.
struct PageFactory {
    let index: SiteIndex
    /// Rendered Markdown by source path.
    let markdown: [String: RenderedMarkdown]
    /// Highlighted stub sources by kata id, in file-name order.
    let kataSources: [String: [KataSourceView]]
    /// `style.css`, for the one page that inlines it (404).
    var stylesheetText: String = ""

    var config: SiteConfig { index.catalogue.config }

    /// Every page of the site, in route order.
    func pages() -> [Page] {
        var pages: [Page] = [homePage(), notFoundPage(), comparePage(), pathsPage(), patternIndexPage(), mapPage()]
        pages += index.patterns.map(patternPage)
        pages += termPages()
        pages += kataPages()
        pages += guidePages()
        return pages.sorted { $0.route < $1.route }
    }

    /// Wraps a page's content with what the layout needs. Links from the layout are relative to
    /// `route`, or, when `base` is given, root-absolute under it (for the 404 page).
    func page<Content: Sendable>(
        _ route: Route, template: String, title: String, description: String, section: Route?,
        base: String? = nil, ogType: String = "website", _ content: Content
    ) -> Page {
        let link = { (target: Route) in base.map { $0 + target.path } ?? route.link(to: target) }
        return Page(route: route, template: template, context: PageContext(
            site: config,
            documentTitle: route == .home ? config.title : "\(title) · \(config.title)",
            description: description,
            canonical: config.baseURL + route.path,
            ogType: ogType,
            stylesheet: link(.stylesheet),
            inlineStylesheet: base == nil ? nil : stylesheetText,
            favicon: link(.favicon),
            script: link(.script),
            searchIndex: link(.searchIndex),
            patternsHref: link(.patternIndex),
            feed: link(.atom),
            homeHref: link(.home),
            nav: navigation.map { NavLink(href: link($0.route), label: $0.label, current: $0.route == section) },
            kataSummary: kataSummary,
            page: content))
    }

    /// "8 of 74 patterns have a kata": counted, so the claim cannot drift from the content.
    var kataSummary: String {
        let withKata = index.patterns.filter { index.kata(for: $0) != nil }.count
        let total = index.patterns.count
        return "\(withKata) of \(total) \(total == 1 ? "pattern" : "patterns") \(withKata == 1 ? "has" : "have") a kata"
    }

    private var navigation: [(route: Route, label: String)] {
        [
            (.patternIndex, "A–Z"), (.problems, "Problems"), (.categories, "Categories"), (.groups, "Groups"),
            (.difficulties, "Difficulty"), (.paths, "Learning paths"), (.katas, "Katas"),
            (.guides, "Guides"), (.compare, "Compare"),
        ]
    }

    func card(_ pattern: Pattern, from route: Route) -> PatternCard {
        PatternCard(href: route.link(to: .pattern(pattern.id)), title: pattern.title, tagline: pattern.tagline,
                    tier: pattern.tier.rawValue, tierLabel: pattern.tier.label, difficulty: pattern.difficulty.rawValue,
                    wip: pattern.isWorkInProgress, hasKata: index.kata(for: pattern) != nil)
    }

    func cards(_ patterns: [Pattern], from route: Route) -> [PatternCard] {
        patterns.map { card($0, from: route) }
    }

    /// Level 2 and 3 headings: deeper ones would make the contents longer than the page.
    func tableOfContents(_ rendered: RenderedMarkdown?) -> [TocEntry] {
        (rendered?.tableOfContents ?? []).filter { $0.level <= 3 }.map {
            TocEntry(href: "#\($0.id)", text: $0.text, level: $0.level, nested: $0.level > 2)
        }
    }
}

extension Tier {
    var label: String {
        switch self {
        case .gold: "Gold"
        case .silver: "Silver"
        case .bronze: "Bronze"
        }
    }
}

extension Difficulty {
    var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}
