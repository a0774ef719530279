import Testing
@testable import PatternsContent

@Suite struct GitRevisionHistoryTests {
    /// Captured from `git log --format='commit-date %as %(trailers:…)' --name-only`: newest commit first.
    static let log = """
        commit-date 2026-11-20

        content/patterns/retry.md
        content/site.toml

        commit-date 2026-10-02

        content/patterns/retry.md
        content/patterns/timeout.md
        """

    @Test func eachPathGetsItsNewestCommitDate() {
        let dates = GitRevisionHistory.parseLog(Self.log)
        #expect(dates["content/patterns/retry.md"] == ContentDate(year: 2026, month: 11, day: 20))
        #expect(dates["content/patterns/timeout.md"] == ContentDate(year: 2026, month: 10, day: 2))
        #expect(dates["content/site.toml"] == ContentDate(year: 2026, month: 11, day: 20))
        #expect(dates.count == 3)
    }

    @Test func aCommitMarkedContentDateUnchangedDoesNotDateItsFiles() {
        let log = "commit-date 2026-12-02 unchanged\n\ncontent/patterns/retry.md\ncontent/patterns/new.md\n\n" + Self.log
        let dates = GitRevisionHistory.parseLog(log)
        #expect(dates["content/patterns/retry.md"] == ContentDate(year: 2026, month: 11, day: 20))
        #expect(dates["content/patterns/new.md"] == nil)
    }

    @Test func unknownPathsAndEmptyLogsHaveNoDate() {
        #expect(GitRevisionHistory(log: Self.log).lastChanged("./content/patterns/timeout.md") == ContentDate(year: 2026, month: 10, day: 2))
        #expect(GitRevisionHistory(log: Self.log).lastChanged("content/patterns/saga.md") == nil)
        #expect(GitRevisionHistory.parseLog("").isEmpty)
    }

    @Test func aDirectoryOutsideGitGivesNoDatesWithoutCrashing() {
        let history = GitRevisionHistory(repositoryRoot: "/nonexistent-\(UInt64.random(in: 0...UInt64.max))")
        #expect(history.lastChanged("content/patterns/retry.md") == nil)
    }
}

@Suite struct InMemoryFileSystemTests {
    @Test func listsWritesMovesAndRemoves() throws {
        let fs = InMemoryFileSystem(files: ["a/b.txt": "B", "a/c/d.txt": "D"])
        #expect(try fs.listDirectory(at: "a") == ["b.txt", "c"])
        #expect(fs.directoryExists(at: "a/c"))
        #expect(!fs.fileExists(at: "a/c"))
        try fs.moveItem(from: "a/c", to: "e")
        #expect(try fs.readText(at: "e/d.txt") == "D")
        #expect(!fs.fileExists(at: "a/c/d.txt"))
        try fs.removeItem(at: "a")
        #expect(try fs.listDirectory(at: "a") == [])
        #expect(throws: (any Error).self) { try fs.readText(at: "a/b.txt") }
    }
}

@Suite struct SuggestionTests {
    @Test func editDistanceCountsSwapsAsOneEdit() {
        #expect(Suggestions.editDistance("retyr", "retry") == 1)
        #expect(Suggestions.editDistance("dificulty", "difficulty") == 1)
        #expect(Suggestions.editDistance("", "abc") == 3)
        #expect(Suggestions.editDistance("kitten", "sitting") == 3)
    }

    @Test func onlyPlausibleTyposAreSuggested() {
        #expect(Suggestions.closest(to: "tittle", in: ["title", "tags"]) == "title")
        #expect(Suggestions.closest(to: "foo", in: ["title", "tags", "id"]) == nil)
    }

    @Test func slugsAreLowercaseWordsJoinedBySingleHyphens() {
        #expect(Slug.isValid("retry-with-backoff2"))
        #expect(!Slug.isValid("Retry"))
        #expect(!Slug.isValid("retry--x"))
        #expect(!Slug.isValid("-retry"))
        #expect(!Slug.isValid(""))
    }
}
