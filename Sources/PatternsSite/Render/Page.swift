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
    var stylesheet: String
    var feed: String
    var homeHref: String
    var nav: [NavLink]
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
    var wip: Bool
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
