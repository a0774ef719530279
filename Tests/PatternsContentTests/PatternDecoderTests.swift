import Foundation
import Testing
@testable import PatternsContent

@Suite struct PatternDecoderTests {
    @Test func yamlAndTOMLDecodeToTheSamePattern() throws {
        let yaml = try Fixtures.decodePattern(Fixtures.retryYAML).get()
        let toml = try Fixtures.decodePattern(Fixtures.retryTOML).get()
        #expect(yaml.id == "retry")
        #expect(yaml.tier == .gold)
        #expect(yaml.difficulty == .beginner)
        #expect(yaml.updated == ContentDate(year: 2026, month: 11, day: 1))
        #expect(yaml.comparison == Comparison(systems: .one, complexity: .low))
        #expect(yaml.related.map(\.id) == ["timeout"])
        #expect(yaml.source.body == "\n## Context and problem")

        // Positions differ between the two files; everything the site shows must not.
        #expect(strippingPositions(yaml) == strippingPositions(toml))
        #expect(yaml.extra.keys.sorted() == ["origin"])
        guard case .string("folklore", _)? = toml.extra["origin"] else { Issue.record("extra not kept"); return }
    }

    private func strippingPositions(_ pattern: Pattern) -> Pattern {
        let nowhere = SourceLocation(file: "", line: 0, column: 0)
        var copy = pattern
        copy.source = SourceFile(path: pattern.source.path, body: pattern.source.body, bodyStartLine: 0)
        copy.related = pattern.related.map { RelatedEdge(id: $0.id, relation: $0.relation, reason: $0.reason, location: nowhere) }
        copy.extra = pattern.extra.mapValues { value in
            if case .string(let text, _) = value { return .string(text, nowhere) }
            return value
        }
        return copy
    }

    @Test func unknownVocabularyIsReportedAtTheValue() {
        let text = Fixtures.retry(replacing: "difficulty:", with: "difficulty: expert")
        #expect(Fixtures.decodingErrors(text) == ["6:13: unknown difficulty 'expert' (expected beginner, intermediate or advanced)"])
        guard case .failure(let diagnostics) = Fixtures.decodePattern(text) else { return }
        #expect(diagnostics.all.first?.description
            == "content/patterns/retry.md:6:13: error: unknown difficulty 'expert' (expected beginner, intermediate or advanced)")
    }

    @Test func misspelledKeysSuggestTheClosestKnownKey() {
        let text = Fixtures.retry(replacing: "difficulty:", with: "dificulty: beginner")
        #expect(Fixtures.decodingErrors(text) == [
            "1:1: missing required key 'difficulty'",
            "6:1: unknown key 'dificulty' (did you mean 'difficulty'?)",
        ])
    }

    @Test func unknownKeysWithoutACloseMatchPointAtExtra() {
        let text = Fixtures.retry(replacing: "tags:", with: "foo: bar")
        #expect(Fixtures.decodingErrors(text) == ["10:1: unknown key 'foo' (put free-form data under 'extra')"])
    }

    @Test func missingRequiredKeyIsReportedAtTheOpeningFence() {
        let text = Fixtures.retry(replacing: "tagline:", with: nil)
        #expect(Fixtures.decodingErrors(text) == ["1:1: missing required key 'tagline'"])
    }

    @Test func wrongTypesNameWhatWasFound() {
        let text = Fixtures.retry(replacing: "title:", with: "title: [Retry, Again]")
        #expect(Fixtures.decodingErrors(text) == ["3:8: expected a string for 'title', found a list"])
    }

    @Test func anUnquotedColonInYAMLTextSaysToQuoteIt() {
        let text = Fixtures.retry(replacing: "checklist:", with: "checklist:\n  - Cap attempts: three at most")
        #expect(Fixtures.decodingErrors(text) == [
            "20:5: expected a string for 'checklist', found a table (put text that contains ': ' in quotes)",
        ])
    }

    @Test func everyErrorOfAFileIsReportedTogether() {
        var text = Fixtures.retry(replacing: "difficulty:", with: "difficulty: expert")
        text = text.replacingOccurrences(of: "tier: gold", with: "tier: platinum")
        text = text.replacingOccurrences(of: "    relation: complements", with: "    relation: friends")
        text = text.replacingOccurrences(of: "    url: https://pragprog.com/", with: "    url: ftp://pragprog.com/")
        text = text.replacingOccurrences(of: "  complexity: low", with: "  complexity: extreme")
        text = text.replacingOccurrences(of: "updated: 2026-11-01", with: "updated: 2026-13-01")
        #expect(Fixtures.decodingErrors(text) == [
            "6:13: unknown difficulty 'expert' (expected beginner, intermediate or advanced)",
            "9:7: unknown tier 'platinum' (expected gold, silver or bronze)",
            "13:15: unknown relation 'friends' (expected alternative, complements, requires or conflicts)",
            "23:10: expected an http(s) URL for 'url', found 'ftp://pragprog.com/'",
            "26:15: unknown complexity 'extreme' (expected low, medium or high)",
            "27:10: invalid date '2026-13-01' for 'updated' (expected YYYY-MM-DD)",
        ])
    }

    @Test func taglineMustBeShortAndSummaryBounded() {
        let long = String(repeating: "a", count: 121)
        #expect(Fixtures.decodingErrors(Fixtures.retry(replacing: "tagline:", with: "tagline: \(long)"))
            == ["4:10: 'tagline' is 121 characters long (at most 120)"])
        let summary = String(repeating: "b", count: 401)
        #expect(Fixtures.decodingErrors(Fixtures.retry(replacing: "summary:", with: "summary: \(summary)"))
            == ["5:10: 'summary' is 401 characters long (at most 400)"])
        #expect(Fixtures.decodingErrors(Fixtures.retry(replacing: "tagline:", with: "tagline: |\n  one\n  two"))
            == ["4:10: 'tagline' must be one line"])
    }

    @Test func referencesAreRequiredAndIdsMustBeSlugs() {
        var text = Fixtures.retry(replacing: "  - title: Release It!", with: nil)
        text = Fixtures.retryLines(text, removing: "    url: https://pragprog.com/")
        text = text.replacingOccurrences(of: "references:", with: "references: []")
        text = text.replacingOccurrences(of: "tags: [backoff]", with: "tags: [Back_Off]")
        #expect(Fixtures.decodingErrors(text) == [
            "10:8: invalid id 'Back_Off' for 'tags' (expected lowercase letters, digits and single hyphens)",
            "21:13: 'references' needs at least one entry",
        ])
    }

    @Test func aReferenceMaySayWhatItIsCitedFor() throws {
        let text = Fixtures.retry(replacing: "    url: https://pragprog.com/",
                                  with: "    url: https://pragprog.com/\n    note: the Timeouts stability pattern")
        #expect(try Fixtures.decodePattern(text).get().references
            == [Reference(title: "Release It!", url: "https://pragprog.com/", note: "the Timeouts stability pattern")])
        #expect(try Fixtures.decodePattern(Fixtures.retryYAML).get().references.first?.note == nil)
        #expect(Fixtures.decodingErrors(Fixtures.retry(replacing: "    url: https://pragprog.com/",
                                                       with: "    url: https://pragprog.com/\n    note: \"  \""))
            == ["24:11: 'note' is empty; write its text or leave the key out"])
    }

    @Test func incompleteIsASynonymOfWip() throws {
        let text = Fixtures.retry(replacing: "kata:", with: "incomplete: true")
        let pattern = try Fixtures.decodePattern(text).get()
        #expect(pattern.isWorkInProgress)
        #expect(pattern.kata == nil)
        #expect(try !Fixtures.decodePattern(Fixtures.retryYAML).get().isWorkInProgress)
    }

    @Test func nestedTablesReportUnknownAndMissingKeys() {
        let text = Fixtures.retry(replacing: "    relation: complements", with: "    relaton: complements")
        #expect(Fixtures.decodingErrors(text) == [
            "12:5: missing required key 'relation'",
            "13:5: unknown key 'relaton' (did you mean 'relation'?)",
        ])
    }
}

extension Fixtures {
    static func retryLines(_ text: String, removing line: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).filter { $0 != line }.joined(separator: "\n")
    }
}
