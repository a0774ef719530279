import PatternsContent
import Testing
@testable import PatternsKatas

@Suite("Learner state and lookups")
struct LearnerTests {
    @Test("Progress survives a round trip through .progress.json")
    func progressRoundTrip() throws {
        let fileSystem = InMemoryFileSystem()
        let store = ProgressStore(fileSystem: fileSystem, path: "katas/.progress.json")
        #expect(store.load() == Progress())
        try store.update { $0["adder"].hintsSeen = 2 }
        try store.update { $0["adder"].solvedSourcesHash = "abc" }
        #expect(store.load()["adder"] == Progress.Entry(hintsSeen: 2, solvedSourcesHash: "abc"))
        #expect(try fileSystem.readText(at: "katas/.progress.json").contains("\"hintsSeen\" : 2"))
    }

    @Test("A corrupt progress file is a fresh start")
    func corrupt() throws {
        let fileSystem = InMemoryFileSystem(files: ["p.json": "{not json"])
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
        let katas = [Fixture.kata(id: "circuit-breaker"), Fixture.kata(id: "saga")]
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
        let kata = Fixture.kata()
        let first = HintBook.next(kata, seen: 0)
        #expect(first.lines == ["Hint 1 of 2: Think about it."] && first.seen == 1)
        #expect(HintBook.next(kata, seen: 2).seen == 2)
        #expect(HintBook.seenSoFar(kata, seen: 1) == ["Hint 1 of 2: Think about it."])
    }
}

@Suite("Classifying a check")
struct CheckClassificationTests {
    @Test("A finished run is a test result")
    func tested() {
        let report = TestEventStreamParser.parse(Samples.eventStream)
        let outcome = KataChecker.classify(report: report, outcome: ProcessOutcome(exitCode: 1, output: ""))
        #expect(outcome == .tested(report))
        let lines = CheckReport.lines(outcome, kata: Fixture.kata(), projectRoot: "/r")
        #expect(lines.first == "✓ Adding zero keeps the number")
        #expect(lines.last == "2 of 5 behaviours pass")
    }

    @Test("No run and compiler errors is a compile failure, shown relative to the project")
    func compileFailure() {
        let outcome = KataChecker.classify(report: TestEventStreamParser.parse(""),
                                           outcome: ProcessOutcome(exitCode: 1, output: Samples.compilerOutput))
        guard case .compileFailed(let errors, _) = outcome else {
            Issue.record("expected a compile failure, got \(outcome)")
            return
        }
        #expect(errors.count == 1)
        let lines = CheckReport.lines(outcome, kata: Fixture.kata(), projectRoot: "/tmp/k")
        #expect(lines[2].hasPrefix("katas/adder/Sources/Adder.swift:3:12: error:"))
    }

    @Test("A run cut short without compiler errors is a crash")
    func crash() {
        let outcome = KataChecker.classify(report: TestEventStreamParser.parse(""),
                                           outcome: ProcessOutcome(exitCode: 132, output: "Fatal error: boom"))
        guard case .crashed = outcome else {
            Issue.record("expected a crash")
            return
        }
    }
}
