import PatternsContent
import Testing
@testable import PatternsKatas

@Suite("Learner state and lookups")
struct LearnerTests {
    @Test("Progress survives a round trip through .progress.json")
    func progressRoundTrip() throws {
        let fileSystem = MemoryFileSystem()
        let store = ProgressStore(fileSystem: fileSystem, path: "katas/.progress.json")
        #expect(store.load() == Progress())
        try store.update { $0["adder"].hintsSeen = 2 }
        try store.update { $0["adder"].solvedSourcesHash = "abc" }
        #expect(store.load()["adder"] == Progress.Entry(hintsSeen: 2, solvedSourcesHash: "abc"))
        #expect(try fileSystem.readText(at: "katas/.progress.json").contains("\"hintsSeen\" : 2"))
    }

    @Test("A corrupt progress file is a fresh start")
    func corrupt() throws {
        let fileSystem = MemoryFileSystem(["p.json": "{not json"])
        #expect(ProgressStore(fileSystem: fileSystem, path: "p.json").load() == Progress())
    }

    @Test("A solved kata whose sources changed says so")
    func changedSinceSolved() {
        let sources = ["A.swift": "x"]
        let entry = Progress.Entry(solvedSourcesHash: SourceHash.of(sources))
        #expect(KataState.of(entry, currentSources: sources) == .solved)
        #expect(KataState.of(entry, currentSources: ["A.swift": "y"]) == .changedSinceSolved)
        #expect(KataState.of(Progress.Entry(), currentSources: sources) == .notSolved)
        #expect(SourceHash.of(["A.swift": "xy"]) != SourceHash.of(["A.swiftx": "y"]))
    }

    @Test("An unknown kata id suggests the closest one and lists all")
    func didYouMean() {
        let katas = [Fixture.info(id: "circuit-breaker"), Fixture.info(id: "saga")]
        guard case .failure(let error) = KataLookup.find("circuit-braker", in: katas) else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.description == "unknown kata 'circuit-braker'. Did you mean 'circuit-breaker'? Known katas: circuit-breaker, saga")
        guard case .failure(let far) = KataLookup.find("zzzzzzzzz", in: katas) else { return }
        #expect(far.suggestion == nil)
        #expect((try? KataLookup.find("saga", in: katas).get())?.id == "saga")
    }

    @Test("Hints come one at a time, then stop; --all shows only those seen")
    func hints() {
        let kata = Fixture.info()
        let first = HintBook.next(kata, seen: 0)
        #expect(first.lines == ["Hint 1 of 2: Think about it."] && first.seen == 1)
        #expect(HintBook.next(kata, seen: 2).seen == 2)
        #expect(HintBook.seenSoFar(kata, seen: 1) == ["Hint 1 of 2: Think about it."])
    }
}

