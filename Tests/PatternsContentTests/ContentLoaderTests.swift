import Foundation
import Testing
@testable import PatternsContent

@Suite struct ContentLoaderTests {
    struct FixedHistory: RevisionHistory {
        func lastChanged(_ path: String) -> ContentDate? { ContentDate(year: 2025, month: 1, day: 2) }
    }

    @Test func loadsAValidTreeIntoASortedCatalogue() throws {
        let result = ContentLoader(fileSystem: Fixtures.tree(), history: FixedHistory()).load()
        #expect(!result.diagnostics.hasErrors)
        let catalogue = try #require(result.catalogue)
        #expect(catalogue.config.baseURL == "https://patterns.example.org/")
        #expect(catalogue.config.language == "en")
        #expect(catalogue.categories.map(\.id) == ["resilience"])
        #expect(catalogue.groups.isEmpty)
        #expect(catalogue.paths.isEmpty)
        #expect(catalogue.patterns.map(\.id) == ["retry", "timeout"])
        #expect(catalogue.katas.map(\.id) == ["retry"])
        #expect(catalogue.katas.first?.instructions == "# Build a retry\n")
        #expect(catalogue.katas.first?.mutants.map(\.replacement) == ["true", "<=", "_ = ", "0.5", "true"])
        // Front matter `updated` wins; otherwise version control supplies the date.
        #expect(catalogue.patterns[0].updated == ContentDate(year: 2026, month: 11, day: 1))
        #expect(catalogue.patterns[1].updated == ContentDate(year: 2025, month: 1, day: 2))
        #expect(catalogue.patterns[1].source.bodyStartLine == 18)
    }

    @Test func anyErrorMeansNoCatalogueAndAllFilesAreReported() {
        let fs = Fixtures.tree(overriding: [
            "content/site.toml": "title = \"T\"\nbase_url = \"https://example.org\"\ndescription = \"D\"\nauthor = \"A\"\nthem = \"x\"",
            "content/patterns/timeout.md": "no front matter",
        ])
        let result = ContentLoader(fileSystem: fs, history: NoRevisionHistory()).load()
        #expect(result.catalogue == nil)
        let messages = result.diagnostics.errors.map(\.description)
        #expect(messages.contains("content/site.toml:2:12: error: 'base_url' must end with '/' (found 'https://example.org')"))
        #expect(messages.contains("content/site.toml:5:1: error: unknown key 'them' (expected 'title', 'base_url', 'description', 'language', 'author', 'repository' or 'branch')"))
        #expect(messages.contains { $0.hasPrefix("content/patterns/timeout.md:1:1: error: missing front matter") })
    }

    @Test func missingRequiredFilesAreErrors() {
        let result = ContentLoader(fileSystem: InMemoryFileSystem(), history: NoRevisionHistory()).load()
        #expect(result.catalogue == nil)
        #expect(result.diagnostics.errors.map(\.description).contains("content/site.toml:1:1: error: missing file 'content/site.toml'"))
    }

    @Test func tomlPagesLoadLikeYAMLPages() throws {
        let fs = Fixtures.tree(overriding: [Fixtures.retryPath: Fixtures.retryTOML])
        let result = ContentLoader(fileSystem: fs, history: NoRevisionHistory()).load()
        let catalogue = try #require(result.catalogue, "\(result.diagnostics)")
        #expect(catalogue.patterns.first?.source.location(of: "kata") == SourceLocation(file: Fixtures.retryPath, line: 11, column: 1))
    }
}

@Suite struct ContentLoaderFollowUpTests {
    @Test func referencesToAPageThatFailedToDecodeAreNotReportedAgain() {
        let broken = Fixtures.timeoutMarkdown.replacingOccurrences(of: "tier: silver", with: "tier: tin")
        let fs = Fixtures.tree(overriding: ["content/patterns/timeout.md": broken])
        let result = ContentLoader(fileSystem: fs, history: NoRevisionHistory()).load()
        #expect(result.catalogue == nil)
        #expect(result.diagnostics.errors.map(\.description) == [
            "content/patterns/timeout.md:9:7: error: unknown tier 'tin' (expected gold, silver or bronze)",
        ])
    }

    @Test func allDigitSlugsNeedNoQuotes() throws {
        let text = Fixtures.retryYAML.replacingOccurrences(of: "tags: [backoff]", with: "tags: [backoff, 429]")
        #expect(try Fixtures.decodePattern(text).get().tags == ["backoff", "429"])
    }
}
