import Foundation
import PatternsContent
import Testing
@testable import PatternsKatas

/// A generated mutant's run stops at its first failing test: the rest could only confirm the kill.
@Suite struct FirstFailureTests {
    let eventsFile = "/scratch/events.jsonl"
    let lines = Samples.eventStream.split(separator: "\n").map(String.init)

    func verifier(_ fileSystem: InMemoryFileSystem, _ runner: ProcessRunner) -> KataVerifier {
        KataVerifier(fileSystem: fileSystem, runner: runner, paths: KataPaths(katasRoot: "/katas"),
                     scratch: ScratchPackage(root: "/scratch", katasPackage: "/katas"), log: { _ in })
    }

    @Test("A run is stopped once a test records an issue, and counts as a kill", .timeLimit(.minutes(1)))
    func stopsAtFirstIssue() async throws {
        let fileSystem = InMemoryFileSystem()
        let upToFirstIssue = lines.prefix { !$0.contains("\"issueRecorded\"") } + [lines.first { $0.contains("\"issueRecorded\"") }!]
        let cancelled = Flag()
        let runner = StreamingRunner(fileSystem: fileSystem, eventsFile: eventsFile, events: Array(upToFirstIssue),
                                     blocksUntilCancelled: cancelled)
        let run = try await verifier(fileSystem, runner).runUntilFirstFailure(ProcessRequest(["test"], in: "/scratch"), eventsFile: eventsFile)
        #expect(cancelled.isSet, "the test process was left running after its first failing test")
        #expect(KataVerifier.kills(run), "a run stopped at a failing test was not counted as a kill: \(run)")
    }

    @Test("A run with no failing test runs to its end and passes")
    func passingRunEnds() async throws {
        let fileSystem = InMemoryFileSystem()
        let passing = lines.filter { !$0.contains("\"issueRecorded\"") && ($0.contains("zero()") || $0.contains("\"run")) }
        let runner = StreamingRunner(fileSystem: fileSystem, eventsFile: eventsFile, events: passing)
        let run = try await verifier(fileSystem, runner).runUntilFirstFailure(ProcessRequest(["test"], in: "/scratch"), eventsFile: eventsFile)
        #expect(KataVerifier.passes(run), "a passing run was judged a kill: \(run)")
    }
}

/// Writes events as a test binary does, then exits; given a flag, runs on until cancelled
/// instead, like a long suite, and sets the flag when it is.
private struct StreamingRunner: ProcessRunner {
    let fileSystem: InMemoryFileSystem
    let eventsFile: String
    let events: [String]
    var blocksUntilCancelled: Flag?

    func run(_ request: ProcessRequest) async throws -> ProcessOutcome {
        try fileSystem.write(events.joined(separator: "\n") + "\n", to: eventsFile)
        if let cancelled = blocksUntilCancelled { return try await BlockingRunner(cancelled: cancelled).run(request) }
        return ProcessOutcome(exitCode: 0, output: "")
    }
}
