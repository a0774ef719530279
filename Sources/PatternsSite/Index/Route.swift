/// Where a page lives in the output, as a path relative to the site root.
///
/// Pages are directory style (`patterns/retry/` is written as `patterns/retry/index.html`), and
/// every link between pages is made relative, so the site works under any base path.
public struct Route: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Relative to the site root, no leading slash: `""` (home), `patterns/retry/`, `style.css`.
    public let path: String

    public init(_ path: String) { self.path = path }

    public static let home = Route("")
    public static func pattern(_ id: String) -> Route { Route("patterns/\(id)/") }
    /// Every pattern, A–Z.
    public static let patternIndex = Route("patterns/")
    public static let categories = Route("categories/")
    public static func category(_ id: String) -> Route { Route("categories/\(id)/") }
    public static let problems = Route("problems/")
    public static func problem(_ id: String) -> Route { Route("problems/\(id)/") }
    public static let difficulties = Route("difficulty/")
    public static func difficulty(_ level: String) -> Route { Route("difficulty/\(level)/") }
    public static let groups = Route("groups/")
    public static func group(_ id: String) -> Route { Route("groups/\(id)/") }
    public static let tags = Route("tags/")
    public static func tag(_ tag: String) -> Route { Route("tags/\(tag)/") }
    public static let katas = Route("katas/")
    public static func kata(_ id: String) -> Route { Route("katas/\(id)/") }
    public static let guides = Route("guides/")
    public static func guide(_ id: String) -> Route { Route("guides/\(id)/") }
    public static let paths = Route("paths/")
    public static let compare = Route("compare/")
    public static let map = Route("map/")
    public static let notFound = Route("404.html")
    public static let sitemap = Route("sitemap.xml")
    public static let robots = Route("robots.txt")
    public static let atom = Route("atom.xml")
    public static let stylesheet = Route("style.css")
    public static let script = Route("site.js")
    public static let searchIndex = Route("search-index.js")
    public static let favicon = Route("favicon.svg")

    /// The file written for this route, relative to the output folder.
    public var filePath: String { path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path }

    /// `../` once per folder level: prefixed to a root-relative path, it links from this page to it.
    public var rootPrefix: String {
        String(repeating: "../", count: path.split(separator: "/", omittingEmptySubsequences: true).count
            - (path.hasSuffix("/") || path.isEmpty ? 0 : 1))
    }

    /// The relative URL from this page to `target`, e.g. `../../patterns/retry/` or `./` for itself.
    public func link(to target: Route) -> String {
        let url = rootPrefix + target.path
        return url.isEmpty ? "./" : url
    }

    public var description: String { "/" + path }

    public static func < (lhs: Route, rhs: Route) -> Bool { lhs.path < rhs.path }
}
