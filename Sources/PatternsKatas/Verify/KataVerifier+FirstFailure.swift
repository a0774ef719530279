import KataLearner

extension KataVerifier {
    /// A generated mutant is killed by its first failing test, so its run stops there: the rest
    /// of the suite could only confirm the kill. The test binary writes its event stream as it
    /// goes; a watcher reads it while the process runs and cancels the run (the runner then stops
    /// the whole process group) once any test has recorded an issue. A run that ends by itself,
    /// passing, crashing or timing out, is judged exactly as before.
    func runUntilFirstFailure(_ request: ProcessRequest, eventsFile: String) async throws -> VariantRun {
        try await withThrowingTaskGroup(of: VariantRun?.self) { group in
            group.addTask {
                let outcome = try await runner.run(request)
                return .ran(readReport(eventsFile), timedOut: outcome.timedOut, output: outcome.output)
            }
            group.addTask { await watchForFirstFailure(eventsFile) }
            while let run = try await group.next() {
                guard let run else { continue }
                group.cancelAll()
                return run
            }
            throw CancellationError()
        }
    }

    /// The report once a test has failed, or nil when cancelled first (the run ended by itself).
    private func watchForFirstFailure(_ eventsFile: String) async -> VariantRun? {
        while !Task.isCancelled {
            // Most polls see no issue at all; the substring test spares them a JSON parse.
            if let events = try? fileSystem.readText(at: eventsFile), events.contains("\"issueRecorded\"") {
                let report = TestEventStreamParser.parse(events)
                if report.behaviours.contains(where: { !$0.issues.isEmpty }) {
                    return .ran(report, timedOut: false, output: "stopped after the first failing test")
                }
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    func readReport(_ eventsFile: String) -> TestRunReport {
        TestEventStreamParser.parse((try? fileSystem.readText(at: eventsFile)) ?? "")
    }
}
