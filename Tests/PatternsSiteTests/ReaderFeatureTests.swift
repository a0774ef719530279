import Foundation
import PatternsContent
@testable import PatternsSite
import Testing

/// What a reader finds their way with: the search index, the A–Z list, previous/next, the map.
@Suite("Reader features of the fixture site")
struct ReaderFeatureTests {
    struct Entry: Decodable {
        var url: String
        var title: String
        var aliases: [String]
        var words: String
        var hasKata: Bool
    }

    static func searchEntries(_ files: [String: String]) throws -> [Entry] {
        let script = try #require(files["search-index.js"])
        let json = try #require(script.components(separatedBy: "window.searchIndex = ").last?
            .trimmingCharacters(in: .whitespacesAndNewlines).dropLast())
        return try JSONDecoder().decode([Entry].self, from: Data(json.utf8))
    }

    @Test("the search index has every pattern and guide, with aliases, body words and kata status")
    func searchIndex() async throws {
        let files = try #require(try await GoldenTests.rendered())
        let entries = try Self.searchEntries(files)
        #expect(Set(entries.map(\.url)) == ["patterns/global-lock/", "patterns/retry/", "patterns/timeout/", "guides/basics/"])
        let timeout = try #require(entries.first { $0.url == "patterns/timeout/" })
        #expect(timeout.aliases == ["Deadline"])
        #expect(timeout.hasKata)
        let words = timeout.words.split(separator: " ")
        #expect(Set(words).count == words.count, "each body word once")
        #expect(!words.contains("the"), "no stop words")
        #expect(entries.first { $0.url == "patterns/retry/" }?.hasKata == false)
    }

    @Test("the A–Z page lists every pattern, and the counts match the content")
    func alphabeticalIndex() async throws {
        let files = try #require(try await GoldenTests.rendered())
        let az = try #require(files["patterns/index.html"])
        for id in ["global-lock", "retry", "timeout"] { #expect(az.contains("href=\"../patterns/\(id)/\"")) }
        #expect(az.contains("1 of 3 patterns has a kata"))
        #expect(try #require(files["index.html"]).contains("1 of 3 patterns has a kata"))
    }

    @Test("every pattern page has a pager with at least one neighbour, and breadcrumbs")
    func everyPatternHasPreviousOrNext() async throws {
        let files = try #require(try await GoldenTests.rendered())
        for id in ["global-lock", "retry", "timeout"] {
            let html = try #require(files["patterns/\(id)/index.html"])
            #expect(html.contains("rel=\"prev\"") || html.contains("rel=\"next\""), "\(id) has no previous or next")
            #expect(html.contains("<nav class=\"breadcrumb\" aria-label=\"Breadcrumb\">"))
        }
    }

    @Test("the catalogue map lists every edge as written, with links, beside its drawing")
    func catalogueMap() async throws {
        let files = try #require(try await GoldenTests.rendered())
        let map = try #require(files["map/index.html"])
        #expect(map.contains("<li><a href=\"../patterns/retry/\">Retry with backoff</a> requires <a href=\"../patterns/timeout/\">Timeout</a></li>"))
        let list = try #require(map.components(separatedBy: "<ul class=\"map-edges\">").last?.components(separatedBy: "</ul>").first)
        #expect(map.components(separatedBy: "<line ").count - 1 == list.components(separatedBy: "<li>").count - 1)
    }

    @Test("the relation map draws one line per edge, arrows for requires, and names every edge")
    func relationMap() throws {
        let timeout = Pattern.fixture("timeout", title: "Timeout")
        let links = [
            RelatedLink(pattern: Pattern.fixture("retry", title: "Retry"), role: .requiredBy, reason: nil, isOutgoing: false),
            RelatedLink(pattern: Pattern.fixture("breaker", title: "Circuit <breaker>"), role: .complements, reason: nil, isOutgoing: true),
        ]
        let svg = try #require(RelationMap(pattern: timeout, links: links).svg)
        #expect(svg.components(separatedBy: "<line ").count - 1 == 2)
        #expect(svg.contains("class=\"map-edge map-requiredBy\"") && svg.contains("marker-start=\"url(#map-arrow)\""))
        #expect(svg.contains("aria-label=\"Relations of Timeout: required by Retry; complements Circuit &lt;breaker&gt;.\""))
        #expect(RelationMap(pattern: timeout, links: []).svg == nil)
    }
}
