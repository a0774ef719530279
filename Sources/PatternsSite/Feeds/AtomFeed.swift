import PatternsContent
import PatternsMarkdown

/// `atom.xml`: patterns by their `updated` date, newest first.
///
/// Only content dates are used (front matter or the last commit), never the wall clock or file
/// times, so the feed is the same on every build of the same content. Undated patterns are left
/// out, and the feed's own `updated` is its newest entry's.
struct AtomFeed {
    let config: SiteConfig

    func render(_ patterns: [Pattern]) -> String {
        let dated = patterns.filter { $0.updated != nil }
        let newest = dated.compactMap(\.updated).max()
        let entries = dated.map { pattern in
            let url = config.baseURL + Route.pattern(pattern.id).path
            return """
                  <entry>
                    <title>\(HTMLEscaping.escape(pattern.title))</title>
                    <link href="\(HTMLEscaping.escape(url))"/>
                    <id>\(HTMLEscaping.escape(url))</id>
                    <updated>\(pattern.updated!.rfc3339)</updated>
                    <summary>\(HTMLEscaping.escape(pattern.summary))</summary>
                  </entry>

                """
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>\(HTMLEscaping.escape(config.title))</title>
              <subtitle>\(HTMLEscaping.escape(config.description))</subtitle>
              <link href="\(HTMLEscaping.escape(config.baseURL + Route.atom.path))" rel="self"/>
              <link href="\(HTMLEscaping.escape(config.baseURL))"/>
              <id>\(HTMLEscaping.escape(config.baseURL))</id>
              <updated>\((newest ?? ContentDate(year: 1970, month: 1, day: 1)).rfc3339)</updated>
              <author><name>\(HTMLEscaping.escape(config.author))</name></author>
            \(entries.joined())</feed>

            """
    }
}
