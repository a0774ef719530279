@testable import PatternsContent

/// Swift Testing has its own `SourceLocation`; in these tests the name means the content one.
typealias SourceLocation = PatternsContent.SourceLocation

/// Small, valid content that each test bends in one place to provoke one diagnostic.
enum Fixtures {
    static let retryPath = "content/patterns/retry.md"

    /// Line numbers matter: tests assert exact positions in this text.
    static let retryYAML = """
        ---
        id: retry
        title: Retry
        tagline: Try a failed call again.
        summary: Retrying absorbs blips.
        difficulty: beginner
        category: resilience
        problems: [handle-failures]
        tier: gold
        tags: [backoff]
        related:
          - id: timeout
            relation: complements
            reason: Bound each try.
        kata: retry
        known_uses:
          - name: AWS SDK
            url: https://aws.amazon.com/
        checklist:
          - Cap the attempts.
        references:
          - title: Release It!
            url: https://pragprog.com/
        comparison:
          systems: one
          complexity: low
        updated: 2026-11-01
        extra:
          origin: folklore
        ---

        ## Context and problem
        """

    static let retryTOML = """
        +++
        id = "retry"
        title = "Retry"
        tagline = "Try a failed call again."
        summary = "Retrying absorbs blips."
        difficulty = "beginner"
        category = "resilience"
        problems = ["handle-failures"]
        tier = "gold"
        tags = ["backoff"]
        kata = "retry"
        checklist = ["Cap the attempts."]
        updated = 2026-11-01

        [[related]]
        id = "timeout"
        relation = "complements"
        reason = "Bound each try."

        [[known_uses]]
        name = "AWS SDK"
        url = "https://aws.amazon.com/"

        [[references]]
        title = "Release It!"
        url = "https://pragprog.com/"

        [comparison]
        systems = "one"
        complexity = "low"

        [extra]
        origin = "folklore"
        +++

        ## Context and problem
        """

    static let timeoutMarkdown = """
        ---
        id: timeout
        title: Timeout
        tagline: Bound how long a call may take.
        summary: A timeout turns a hang into an error.
        category: resilience
        problems: [handle-failures]
        difficulty: beginner
        tier: silver
        wip: true
        related:
          - id: retry
            relation: complements
        references:
          - title: Timeouts
            url: https://example.org/timeouts
        ---
        Body.
        """

    static let kataYAML = """
        id: retry
        title: Build a retry
        pattern: retry
        module: RetryKata
        difficulty: beginner
        order: 1
        blurb: Retry with a cap.
        hints:
          - Count the attempts.
        mutants:
          - id: no-cap
            description: Retries forever.
            file: Retry.swift
            replace: "attempts < max"
            with: "true"
          - id: off-by-one
            description: One try too many.
            file: Retry.swift
            replace: "<"
            with: "<="
          - id: no-delay
            description: Never waits.
            file: Retry.swift
            replace: "sleep"
            with: "_ = "
          - id: no-jitter
            description: Every client waits the same.
            file: Retry.swift
            replace: "random"
            with: "0.5"
          - id: retries-404
            description: Retries a permanent failure.
            file: Retry.swift
            replace: "isRetryable(fault)"
            with: "true"
        equivalent_mutants:
          - id: Retry.run()/boundary/1
            reason: Doubling once more at the cap changes nothing.
        dig_deeper:
          - Add a retry budget.
          - Honour Retry-After.
        """

    /// A complete, valid tree: site, taxonomies, two patterns and one kata.
    static func tree(overriding overrides: [String: String] = [:]) -> InMemoryFileSystem {
        var files = [
            "content/site.toml": """
                title = "Surviving Failure"
                base_url = "https://patterns.example.org/"
                description = "Patterns."
                author = "Us"
                """,
            "content/categories.yml": """
                - id: resilience
                  title: Resilience
                  description: Keep serving.
                """,
            "content/groups.yml": "[]",
            "content/problems.yml": """
                - id: handle-failures
                  title: I need to handle failures gracefully
                  description: Degrade, do not collapse.
                """,
            retryPath: retryYAML,
            "content/patterns/timeout.md": timeoutMarkdown,
            "katas/retry/kata.yml": kataYAML,
            "katas/retry/instructions.md": "# Build a retry\n",
            "katas/Harness/VirtualClock.swift": "struct VirtualClock {}",
        ]
        files.merge(overrides) { _, new in new }
        return InMemoryFileSystem(files: files)
    }

    /// Parses and decodes one pattern page, for decoding tests.
    static func decodePattern(_ text: String, path: String = retryPath) -> Result<Pattern, Diagnostics> {
        FrontMatterParser.parsePage(text, path: path).mapError { Diagnostics([$0]) }.flatMap(PatternDecoder.decode)
    }

    /// The diagnostics of decoding a page expected to be invalid, as "line:column: message".
    static func decodingErrors(_ text: String) -> [String] {
        guard case .failure(let diagnostics) = decodePattern(text) else { return [] }
        return diagnostics.sorted.map { "\($0.location.line):\($0.location.column): \($0.message)" }
    }

    /// `retryYAML` with one line replaced (matched by its start) or removed (replacement nil).
    static func retry(replacing prefix: String, with replacement: String?) -> String {
        var lines = retryYAML.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let index = lines.firstIndex(where: { $0.hasPrefix(prefix) }) else { fatalError("no line \(prefix)") }
        if let replacement { lines[index] = replacement } else { lines.remove(at: index) }
        return lines.joined(separator: "\n")
    }
}
