import Testing
@testable import PatternsKatas

@Suite("Finding the pristine stub in git")
struct StubRestorerTests {
    let base: [String: String] = [
        "git rev-parse --is-inside-work-tree": "true\n",
        "git ls-tree --name-only HEAD ./": "Breaker.swift\nREADME.md\n",
    ]

    @Test("HEAD's version is the stub when it still has the TODO(kata) marker")
    func fromHead() async throws {
        var answers = base
        answers["git show HEAD:./Breaker.swift"] = "func f() { // TODO(kata)\n}"
        let stub = try await StubRestorer(runner: ScriptedRunner(answers: answers), sourcesDirectory: "/k").pristineStub()
        #expect(stub == ["Breaker.swift": "func f() { // TODO(kata)\n}"])
    }

    @Test("A committed solution is skipped for the newest commit that has the marker")
    func fromHistory() async throws {
        var answers = base
        answers["git show HEAD:./Breaker.swift"] = "solved"
        answers["git log --format=%H -- Breaker.swift"] = "c3\nc2\nc1\n"
        answers["git show c3:./Breaker.swift"] = "solved"
        answers["git show c2:./Breaker.swift"] = "stub v2 // TODO(kata)"
        answers["git show c1:./Breaker.swift"] = "stub v1 // TODO(kata)"
        let stub = try await StubRestorer(runner: ScriptedRunner(answers: answers), sourcesDirectory: "/k").pristineStub()
        #expect(stub == ["Breaker.swift": "stub v2 // TODO(kata)"])
    }

    @Test("Outside a git repository there is nothing to restore from")
    func notARepository() async {
        await #expect(throws: StubRestorer.Failure.self) {
            try await StubRestorer(runner: ScriptedRunner(answers: [:]), sourcesDirectory: "/k").pristineStub()
        }
    }
}

@Suite("Watching for edits")
struct SourceWatcherTests {
    @Test("A change is reported once the files have settled")
    func settles() async throws {
        let times = FakeTimes()
        times.set("/k/A.swift", 1)
        let watcher = SourceWatcher(times: times) { ["/k/A.swift"] }
        let before = watcher.snapshot()
        let change = Task { try await watcher.nextChange(after: before, poll: .milliseconds(10)) }
        try await Task.sleep(for: .milliseconds(30))
        times.set("/k/A.swift", 2)
        let after = try await change.value
        #expect(after == ["/k/A.swift": 2])
    }
}
