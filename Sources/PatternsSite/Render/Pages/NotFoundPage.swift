import PatternsContent

/// What `404.mustache` sees.
struct NotFoundView: Sendable {
    var problems: String
    var categories: String
}

extension PageFactory {
    /// Servers show `/404.html` for any missing path, at any depth, so relative links cannot work
    /// there: this one page links from the path of `base_url` instead.
    func notFoundPage() -> Page {
        let base = Self.path(of: config.baseURL)
        return page(.notFound, template: "404", title: "Page not found",
                    description: "There is no page at this address.", section: nil, base: base,
                    NotFoundView(problems: base + Route.problems.path, categories: base + Route.categories.path))
    }

    /// `https://example.org/docs/` → `/docs/`.
    static func path(of url: String) -> String {
        guard let scheme = url.range(of: "://") else { return "/" }
        let rest = url[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        let path = String(rest[slash...])
        return path.hasSuffix("/") ? path : path + "/"
    }
}
