import PatternsContent

/// One HTML page to render: where it goes, which template draws it, and what the template sees.
public struct Page: Sendable {
    public var route: Route
    /// A template name in `templates/`, without `.mustache`.
    public var template: String
    public var context: any Sendable
}

/// The part of every page's context that `layout.mustache` reads.
///
/// Mustache looks names up the context stack, so page templates can use `{{site.title}}` etc.
/// Every `href` in a context is already relative to the page it is on.
struct PageContext<Content: Sendable>: Sendable {
    var site: SiteConfig
    /// The `<title>`: the page's heading, then the site title.
    var documentTitle: String
    var description: String
    var canonical: String
    /// `website`, or `article` for a pattern (OpenGraph's `og:type`).
    var ogType: String
    var stylesheet: String
    /// The stylesheet's text, inlined only on the 404 page: a server may show that page at any
    /// depth, even outside `base_url`, where no relative or absolute link to `style.css` holds.
    var inlineStylesheet: String?
    var favicon: String
    var script: String
    var searchIndex: String
    /// The A–Z list, where the search box leads without JavaScript.
    var patternsHref: String
    var feed: String
    var homeHref: String
    var nav: [NavLink]
    /// "N of M patterns have a kata", counted at build time.
    var kataSummary: String
    var page: Content
}

struct NavLink: Sendable {
    var href: String
    var label: String
    var current: Bool
}

/// A link with a visible text, the building block of most lists.
struct LinkView: Sendable {
    var href: String
    var title: String
}

/// A pattern as shown in lists: the `pattern-card` partial draws it.
struct PatternCard: Sendable {
    var href: String
    var title: String
    var tagline: String
    var tier: String
    var tierLabel: String
    var difficulty: String
    /// The page itself is unfinished.
    var wip: Bool
    /// False means "kata coming": the page may be complete while its kata is not written yet.
    var hasKata: Bool
}

/// An entry of a list of terms (categories, problems, groups, tags, levels) with its page.
struct TermEntry: Sendable {
    var href: String
    var title: String
    var description: String?
    var count: Int
    var patterns: [PatternCard]
}

struct TocEntry: Sendable {
    var href: String
    var text: String
    var level: Int
    var nested: Bool
}
