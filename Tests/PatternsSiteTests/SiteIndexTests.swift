import PatternsContent
@testable import PatternsSite
import Testing

@Suite("SiteIndex: navigation from front matter")
struct SiteIndexTests {
    @Test("a group is ordered by sort_key, missing keys last, then by title")
    func groupOrder() {
        let index = SiteIndex(catalogue: catalogue([
            .fixture("zeta", group: "g", sortKey: 2),
            .fixture("beta", group: "g"),
            .fixture("alpha", group: "g"),
            .fixture("omega", group: "g", sortKey: 1),
            .fixture("loner"),
        ]))
        #expect(index.patterns(inGroup: "g").map(\.id) == ["omega", "zeta", "alpha", "beta"])
    }

    @Test("other lists are by title, case-insensitively, whatever the input order")
    func titleOrder() {
        let index = SiteIndex(catalogue: catalogue([
            .fixture("c", title: "circuit breaker", tags: ["x"]),
            .fixture("b", title: "Bulkhead", tags: ["x"]),
            .fixture("a", title: "Timeout", tags: ["x"]),
        ]))
        #expect(index.patterns(inCategory: "resilience").map(\.id) == ["b", "c", "a"])
        #expect(index.patterns(taggedWith: "x").map(\.id) == ["b", "c", "a"])
        #expect(index.patterns(solving: "p").map(\.id) == ["b", "c", "a"])
        #expect(index.patterns(ofDifficulty: .beginner).map(\.id) == ["b", "c", "a"])
    }

    @Test("previous and next stay within the group, else within the category, else A–Z")
    func neighbours() throws {
        let index = SiteIndex(catalogue: catalogue([
            .fixture("one", group: "g", sortKey: 1),
            .fixture("two", group: "g", sortKey: 2),
            .fixture("three", group: "g", sortKey: 3),
            .fixture("other", group: "h", sortKey: 1),
        ], groups: ["g", "h"]))
        let two = try #require(index.pattern("two"))
        #expect(index.neighbours(of: two).previous?.id == "one")
        #expect(index.neighbours(of: two).next?.id == "three")
        let one = try #require(index.pattern("one"))
        #expect(index.neighbours(of: one).previous == nil)
        let three = try #require(index.pattern("three"))
        #expect(index.neighbours(of: three).next == nil)
        let other = try #require(index.pattern("other"))
        // "other" is alone in its group, so it is read among its category.
        #expect(index.neighbours(of: other).scope == .category("resilience"))
        #expect(index.neighbours(of: other).previous?.id == "one")
        #expect(index.neighbours(of: other).next?.id == "three")
        #expect(index.neighbours(of: two).scope == .group("g"))
        let alone = SiteIndex(catalogue: catalogue([.fixture("a"), .fixture("b", category: "other")]))
        let b = try #require(alone.pattern("b"))
        #expect(alone.neighbours(of: b).scope == .patternIndex && alone.neighbours(of: b).previous?.id == "a")
    }

    @Test("only tags used by more than one page get a tag page")
    func sharedTags() {
        let index = SiteIndex(catalogue: catalogue([
            .fixture("a", tags: ["shared", "once"]), .fixture("b", tags: ["shared"]),
        ]))
        #expect(index.tagsWithPages == ["shared"])
        #expect(!index.hasTagPage("once"))
    }

    @Test("symmetric edges show on both pages; requires shows as required by")
    func inverseEdges() {
        let index = SiteIndex(catalogue: catalogue([
            .fixture("retry", related: [edge("timeout", .requires, "needs a failure"),
                                        edge("breaker", .complements, "stops storms")]),
            .fixture("timeout"),
            .fixture("breaker"),
            .fixture("lock", related: [edge("retry", .conflicts)]),
        ]))
        let summary = { (id: String) in index.related(to: id).map { "\($0.role.label) \($0.pattern.id)" } }
        #expect(summary("retry") == ["Requires timeout", "Complements breaker", "Conflicts with lock"])
        #expect(summary("timeout") == ["Required by retry"])
        #expect(summary("breaker") == ["Complements retry"])
        #expect(summary("lock") == ["Conflicts with retry"])
        #expect(index.related(to: "timeout").first?.reason == "needs a failure")
        #expect(index.related(to: "timeout").first?.isOutgoing == false)
    }

    @Test("a symmetric edge written on both pages is listed once on each")
    func duplicateSymmetricEdge() {
        let index = SiteIndex(catalogue: catalogue([
            .fixture("a", related: [edge("b", .alternative, "from a")]),
            .fixture("b", related: [edge("a", .alternative, "from b")]),
        ]))
        #expect(index.related(to: "a").map(\.reason) == ["from a"])
        #expect(index.related(to: "b").map(\.reason) == ["from b"])
    }

    @Test("the feed lists dated patterns only, newest first")
    func recentlyUpdated() {
        let index = SiteIndex(catalogue: catalogue([
            .fixture("old", updated: ContentDate(year: 2025, month: 1, day: 1)),
            .fixture("undated"),
            .fixture("new", updated: ContentDate(year: 2026, month: 3, day: 9)),
        ]))
        #expect(index.recentlyUpdated.map(\.id) == ["new", "old"])
    }
}

@Suite("Routes and links")
struct RouteTests {
    @Test("links between pages are relative")
    func relativeLinks() {
        #expect(Route.pattern("retry").link(to: .pattern("timeout")) == "../../patterns/timeout/")
        #expect(Route.home.link(to: .pattern("retry")) == "patterns/retry/")
        #expect(Route.categories.link(to: .home) == "../")
        #expect(Route.home.link(to: .home) == "./")
        #expect(Route.notFound.link(to: .stylesheet) == "style.css")
        #expect(Route.pattern("x").filePath == "patterns/x/index.html")
        #expect(Route.home.filePath == "index.html")
    }

    @Test("Markdown links to content files become page URLs and are checked")
    func linkTable() {
        var table = LinkTable()
        table.add(file: "content/patterns/saga.md", route: .pattern("saga"), anchors: ["solution"])
        table.add(file: "content/guides/availability.md", route: .guide("availability"), anchors: [])
        let page = Route.pattern("retry"), file = "content/patterns/retry.md"
        func resolve(_ destination: String) -> String {
            switch table.resolve(destination, from: file, on: page) {
            case .rewritten(let url): "rewritten \(url)"
            case .unchanged: "unchanged"
            case .missingPage: "missing page"
            case .missingAnchor: "missing anchor"
            }
        }
        #expect(resolve("saga.md") == "rewritten ../../patterns/saga/")
        #expect(resolve("../patterns/saga.md#solution") == "rewritten ../../patterns/saga/#solution")
        #expect(resolve("../guides/availability.md") == "rewritten ../../guides/availability/")
        #expect(resolve("saga.md#nope") == "missing anchor")
        #expect(resolve("nope.md") == "missing page")
        #expect(resolve("../patterns/sage.md") == "missing page")
        guard case .missingPage(let detail) = table.resolve("../patterns/sage.md", from: file, on: page) else { return }
        #expect(detail == "no such file 'content/patterns/sage.md'; did you mean '../patterns/saga.md'?")
        #expect(resolve("https://example.org/x.md") == "unchanged")
    }
}
