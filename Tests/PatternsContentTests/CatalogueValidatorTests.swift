import Foundation
import Testing
@testable import PatternsContent

/// Each test loads the valid fixture tree with one file changed and checks the one diagnostic.
@Suite struct CatalogueValidatorTests {
    func diagnostics(_ overrides: [String: String], severity: Diagnostic.Severity = .error) -> [String] {
        let result = ContentLoader(fileSystem: Fixtures.tree(overriding: overrides), history: NoRevisionHistory()).load()
        return result.diagnostics.sorted.filter { $0.severity == severity }.map { "\($0.location): \($0.message)" }
    }

    func retry(_ old: String, _ new: String) -> [String: String] {
        [Fixtures.retryPath: Fixtures.retryYAML.replacingOccurrences(of: old, with: new)]
    }

    @Test func theFixtureTreeIsValid() {
        #expect(diagnostics([:]) == [])
    }

    @Test func unknownTaxonomyIdsSuggestTheClosestOne() {
        #expect(diagnostics(retry("category: resilience", "category: resilence")) == [
            "content/patterns/retry.md:7:1: unknown category 'resilence' (did you mean 'resilience'?)",
        ])
        #expect(diagnostics(retry("problems: [handle-failures]", "problems: [handle-failures, scale]")) == [
            "content/patterns/retry.md:8:1: unknown problem 'scale'",
        ])
        #expect(diagnostics(retry("tier: gold", "group: nope\ntier: gold")) == [
            "content/patterns/retry.md:9:1: unknown group 'nope'",
        ])
    }

    @Test func idMustEqualTheFileName() {
        let moved = [Fixtures.retryPath: "", "content/patterns/retrying.md": Fixtures.retryYAML]
        let found = diagnostics(moved)
        #expect(found.contains("content/patterns/retrying.md:2:1: id 'retry' must equal the file name 'retrying'"))
    }

    @Test func relatedEdgesMustExistAndNotLoopOrRepeat() {
        let edges = """
            related:
              - id: retry
                relation: complements
              - id: timeout
                relation: requires
              - id: timeout
                relation: requires
              - id: timeot
                relation: alternative
            """
        let text = Fixtures.retryYAML.replacingOccurrences(
            of: "related:\n  - id: timeout\n    relation: complements\n    reason: Bound each try.", with: edges)
        #expect(diagnostics([Fixtures.retryPath: text]) == [
            "content/patterns/retry.md:12:9: pattern 'retry' cannot be related to itself",
            "content/patterns/retry.md:16:9: duplicate related edge 'timeout' (requires)",
            "content/patterns/retry.md:18:9: unknown pattern 'timeot' (did you mean 'timeout'?)",
            "content/patterns/timeout.md:12:9: 'timeout' says it complements 'retry', but 'retry' says it requires "
                + "'timeout' (at content/patterns/retry.md:14:9); keep the edge on one page: the other shows it automatically",
        ])
    }

    @Test func goldNeedsKnownUsesAndChecklist() {
        var text = Fixtures.retryYAML.replacingOccurrences(of: "known_uses:\n  - name: AWS SDK\n    url: https://aws.amazon.com/\n", with: "")
        text = text.replacingOccurrences(of: "checklist:\n  - Cap the attempts.\n", with: "")
        #expect(diagnostics([Fixtures.retryPath: text]) == [
            "content/patterns/retry.md:9:1: gold pattern 'retry' needs 'checklist' (the production checklist)",
            "content/patterns/retry.md:9:1: gold pattern 'retry' needs 'known_uses' (real systems that use it)",
        ])
    }

    @Test func bronzeNeedsModernAlternativesThatExist() {
        #expect(diagnostics(retry("tier: gold", "tier: bronze")) == [
            "content/patterns/retry.md:9:1: bronze pattern 'retry' needs 'modern_alternatives' (patterns to use instead)",
        ])
        let withAlternative = retry("tier: gold", "tier: bronze\nmodern_alternatives:\n  - id: circuit-breaker")
        #expect(diagnostics(withAlternative) == ["content/patterns/retry.md:11:9: unknown pattern 'circuit-breaker'"])
    }

    @Test func aCompletePatternMayWaitForItsKata() {
        #expect(diagnostics(retry("kata: retry\n", "")) == [])
    }

    @Test func theKataMustExistAndBelongToThePattern() {
        #expect(diagnostics(retry("kata: retry", "kata: retyr")) == [
            "content/patterns/retry.md:15:1: unknown kata 'retyr' (did you mean 'retry'?)",
        ])
        let otherKata = Fixtures.kataYAML.replacingOccurrences(of: "id: retry", with: "id: timeout")
            .replacingOccurrences(of: "pattern: retry", with: "pattern: timeout")
        let tree = ["katas/timeout/kata.yml": otherKata, "katas/timeout/instructions.md": "Do it."]
        #expect(diagnostics(tree.merging(retry("kata: retry", "kata: timeout")) { a, _ in a }) == [
            "content/patterns/retry.md:15:1: kata 'timeout' belongs to pattern 'timeout', not 'retry'",
        ])
    }

    @Test func kataMetadataIsChecked() {
        var kata = Fixtures.kataYAML.replacingOccurrences(of: "module: RetryKata", with: "module: Retry-Kata")
        kata = kata.replacingOccurrences(of: "  - Count the attempts.", with: "  - \"  \"")
        kata = kata.replacingOccurrences(of: "id: no-delay", with: "id: no-cap")
        kata = kata.replacingOccurrences(of: "pattern: retry", with: "pattern: retries")
        let found = diagnostics(["katas/retry/kata.yml": kata, "katas/retry/instructions.md": "\n"])
        #expect(found.contains("katas/retry/kata.yml:4:1: module 'Retry-Kata' is not a Swift identifier"))
        #expect(found.contains("katas/retry/kata.yml:8:1: kata 'retry' needs at least one non-empty hint"))
        #expect(found.contains("katas/retry/kata.yml:21:9: duplicate mutant id 'no-cap' (first at katas/retry/kata.yml:11:9)"))
        #expect(found.contains("katas/retry/instructions.md:1:1: kata 'retry' has empty instructions"))
        #expect(found.contains("katas/retry/kata.yml:3:1: unknown pattern 'retries'"))
        #expect(found.contains("content/patterns/retry.md:15:1: kata 'retry' belongs to pattern 'retries', not 'retry'"))
    }

    @Test func equivalentMutantsDecodeWithAOneLineReason() {
        let loader = ContentLoader(
            fileSystem: InMemoryFileSystem(files: ["katas/retry/kata.yml": Fixtures.kataYAML, "katas/retry/instructions.md": "x"]),
            history: NoRevisionHistory()
        )
        let (katas, _) = loader.loadKatas()
        #expect(katas.first?.equivalentMutants.map(\.id) == ["Retry.run()/boundary/1"])
        #expect(katas.first?.equivalentMutants.first?.reason == "Doubling once more at the cap changes nothing.")

        let blank = Fixtures.kataYAML.replacingOccurrences(of: "reason: Doubling once more at the cap changes nothing.", with: "reason: \"  \"")
        let (_, found) = ContentLoader(
            fileSystem: InMemoryFileSystem(files: ["katas/retry/kata.yml": blank, "katas/retry/instructions.md": "x"]),
            history: NoRevisionHistory()
        ).loadKatas()
        #expect(found.sorted.contains { $0.message == "'reason' is empty; write its text or leave the key out" }, "\(found.sorted)")

        let twoLines = Fixtures.kataYAML.replacingOccurrences(of: "reason: Doubling once more at the cap changes nothing.", with: "reason: \"one\\ntwo\"")
        let (_, foundTwo) = ContentLoader(
            fileSystem: InMemoryFileSystem(files: ["katas/retry/kata.yml": twoLines, "katas/retry/instructions.md": "x"]),
            history: NoRevisionHistory()
        ).loadKatas()
        #expect(foundTwo.sorted.contains { $0.message == "'reason' must be one line" }, "\(foundTwo.sorted)")
    }

    @Test func kataNeedsFiveMutantsAndItsFolderName() {
        let twoMutants = String(Fixtures.kataYAML[..<Fixtures.kataYAML.range(of: "  - id: no-delay")!.lowerBound])
        let loader = ContentLoader(
            fileSystem: InMemoryFileSystem(files: ["katas/retrying/kata.yml": twoMutants, "katas/retrying/instructions.md": "x"]),
            history: NoRevisionHistory()
        )
        let (katas, found) = loader.loadKatas()
        #expect(katas.map(\.id) == ["retry"])
        // Cut before its last mutant, the kata also loses its dig_deeper notes (they come last).
        #expect(found.sorted.map { "\($0.location): \($0.message)" } == [
            "katas/retrying/kata.yml:1:1: kata 'retry' needs 2 to 4 dig_deeper notes, shown after a solve (found 0)",
            "katas/retrying/kata.yml:1:1: kata id 'retry' must equal its folder name 'retrying'",
            "katas/retrying/kata.yml:10:1: kata 'retry' needs at least 5 hand-written mutants (found 2)",
        ])
    }

    @Test func duplicateTaxonomyIdsPointBackAtTheFirst() {
        let categories = """
            - id: resilience
              title: Resilience
              description: One.
            - id: resilience
              title: Again
              description: Two.
            """
        #expect(diagnostics(["content/categories.yml": categories]) == [
            "content/categories.yml:4:7: duplicate category id 'resilience' (first at content/categories.yml:1:7)",
        ])
    }

    @Test func pathStepsMustNameExistingPatterns() {
        let paths = """
            - id: basics
              title: Basics
              description: Start here.
              steps:
                - pattern: timeout
                  why: First bound the call.
                - pattern: saga
                  why: Then coordinate.
            """
        #expect(diagnostics(["content/paths.yml": paths]) == ["content/paths.yml:7:16: unknown pattern 'saga'"])
    }

    @Test func unusedTermsLonelyPatternsAndSharedKataOrdersAreWarnings() {
        let problems = """
            - id: handle-failures
              title: Failures
              description: Degrade.
            - id: scale
              title: Scale
              description: Grow.
            """
        let kata = Fixtures.kataYAML.replacingOccurrences(of: "id: retry", with: "id: timeout")
            .replacingOccurrences(of: "pattern: retry", with: "pattern: timeout")
        let timeout = Fixtures.timeoutMarkdown.replacingOccurrences(of: "related:\n  - id: retry\n    relation: complements\n", with: "")
        let retry = Fixtures.retryYAML.replacingOccurrences(
            of: "related:\n  - id: timeout\n    relation: complements\n    reason: Bound each try.\n", with: "")
        let overrides = [
            "content/problems.yml": problems,
            Fixtures.retryPath: retry,
            "content/patterns/timeout.md": timeout,
            "katas/timeout/kata.yml": kata,
            "katas/timeout/instructions.md": "Do it.",
        ]
        #expect(diagnostics(overrides) == [])
        #expect(diagnostics(overrides, severity: .warning) == [
            "content/patterns/retry.md:2:1: pattern 'retry' has no related patterns",
            "content/patterns/timeout.md:2:1: pattern 'timeout' has no related patterns",
            "content/problems.yml:4:7: problem 'scale' is not used by any pattern",
            "katas/timeout/kata.yml:6:1: kata order 1 is also used by 'retry'",
        ])
    }

    @Test func anEdgeWrittenOnBothPagesMustAgree() {
        // The fixture's retry and timeout both say they complement each other: allowed.
        let requires = Fixtures.timeoutMarkdown.replacingOccurrences(
            of: "  - id: retry\n    relation: complements", with: "  - id: retry\n    relation: requires")
        #expect(diagnostics(["content/patterns/timeout.md": requires]) == [
            "content/patterns/timeout.md:12:9: 'timeout' says it requires 'retry', but 'retry' says it complements "
                + "'timeout' (at content/patterns/retry.md:12:9); keep the edge on one page: the other shows it automatically",
        ])
    }

    @Test func aProblemSolvedByOnlyOnePatternIsAWarning() {
        let problems = """
            - id: handle-failures
              title: Failures
              description: Degrade.
            - id: wait-less
              title: Wait less
              description: Bound the wait.
            """
        let timeout = Fixtures.timeoutMarkdown.replacingOccurrences(
            of: "problems: [handle-failures]", with: "problems: [handle-failures, wait-less]")
        #expect(diagnostics(["content/problems.yml": problems, "content/patterns/timeout.md": timeout], severity: .warning) == [
            "content/problems.yml:4:7: problem 'wait-less' has only one pattern (offer at least two ways to solve it)",
        ])
    }

    @Test func anEdgeWrittenOnTheOtherPageCountsAsRelated() {
        // retry names timeout; timeout names nothing, yet its page shows "complements retry".
        let timeout = Fixtures.timeoutMarkdown.replacingOccurrences(of: "related:\n  - id: retry\n    relation: complements\n", with: "")
        #expect(diagnostics(["content/patterns/timeout.md": timeout], severity: .warning) == [])
    }
}
