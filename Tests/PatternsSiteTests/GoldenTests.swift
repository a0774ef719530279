import Foundation
import PatternsContent
@testable import PatternsSite
import Testing

/// The fixture site rendered with the real templates, compared with reviewed output.
///
/// Run with `UPDATE_GOLDEN=1` to rewrite `Fixtures/golden/` after an intended change, then review
/// the diff like any other change.
@Suite("Golden pages of the fixture site")
struct GoldenTests {
    static let pages = [
        "index.html",
        "patterns/timeout/index.html",
        "patterns/retry/index.html",
        "patterns/global-lock/index.html",
        "katas/index.html",
        "katas/timeout/index.html",
        "guides/basics/index.html",
        "groups/calling-a-dependency/index.html",
        "problems/index.html",
        "tags/index.html",
        "tags/fail-fast/index.html",
        "patterns/index.html",
        "paths/index.html",
        "compare/index.html",
        "404.html",
        "atom.xml",
        "sitemap.xml",
        "robots.txt",
    ]

    @Test("the fixture site builds without diagnostics")
    func clean() async throws {
        let result = try await pipeline(root: Paths.fixture("test-site")).render()
        #expect(result.diagnostics.all.map(\.description) == [])
        #expect(result.succeeded)
    }

    @Test("selected pages match their golden files", arguments: pages)
    func golden(page: String) async throws {
        let files = try #require(try await Self.rendered())
        let actual = try #require(files[page], "\(page) was not generated")
        let goldenPath = Paths.fixture("golden") + "/" + page
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(
                atPath: (goldenPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try actual.write(toFile: goldenPath, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: goldenPath, encoding: .utf8)
        #expect(actual == expected, "\(page) differs from Fixtures/golden/\(page); UPDATE_GOLDEN=1 regenerates it")
    }

    @Test("every page of the fixture site is listed in the sitemap")
    func sitemapCoversPages() async throws {
        let files = try #require(try await Self.rendered())
        let sitemap = try #require(files["sitemap.xml"])
        for path in files.keys where path.hasSuffix("index.html") {
            let url = "https://example.org/patterns/" + path.dropLast("index.html".count)
            #expect(sitemap.contains("<loc>\(url)</loc>"), "\(url) missing from the sitemap")
        }
    }

    @Test("scripts are only deferred files (progressive enhancement), and no link into the site is absolute")
    func deferredScriptsRelativeLinks() async throws {
        let files = try #require(try await Self.rendered())
        for (path, html) in files where path.hasSuffix(".html") && path != "404.html" {
            let scripts = html.components(separatedBy: "<script").dropFirst()
            #expect(scripts.count == 2, "\(path): the search index and site.js")
            #expect(scripts.allSatisfy { $0.hasPrefix(" src=\"") && $0.contains("\" defer></script>") },
                    "\(path) has an inline or blocking script")
            #expect(!html.contains("href=\"/"), "\(path) has a root-absolute link")
            #expect(html.components(separatedBy: "<h1").count == 2, "\(path) should have exactly one h1")
        }
    }

    /// The fixture site's text files by output path.
    static func rendered() async throws -> [String: String]? {
        let result = try await pipeline(root: Paths.fixture("test-site")).render()
        return result.files.map { files in
            Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
        }
    }
}
