import PatternsMarkdown

/// `sitemap.xml`: every HTML page but the 404, as absolute URLs from `base_url`.
struct Sitemap {
    let baseURL: String

    func render(_ routes: [Route]) -> String {
        let urls = routes.filter { $0 != .notFound }.sorted().map {
            "  <url><loc>\(HTMLEscaping.escape(baseURL + $0.path))</loc></url>\n"
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            \(urls.joined())</urlset>

            """
    }
}

/// `robots.txt`: everything may be crawled; the sitemap says what there is.
struct Robots {
    let baseURL: String

    func render() -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(baseURL)\(Route.sitemap.path)\n"
    }
}
