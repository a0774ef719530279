/// What `check` found.
public enum CheckOutcome: Hashable, Sendable {
    /// The learner's code does not compile: the learner's most common state.
    case compileFailed([CompilerErrors.Entry])
    /// The tests ran to the end; `crashed` names the behaviours that crashed the test process.
    case tested(TestRunReport, crashed: [String])
    /// The time limit was hit while `behaviour` ran (nil: before any test started).
    case timedOut(TestRunReport, behaviour: String?, limit: Duration)
    /// The build or the tests stopped in a way no test explains; the last lines of output.
    case stopped(TestRunReport, output: [String])
}

/// Builds one kata's workspace and runs its tests against the learner's code.
public struct KataChecker: Sendable {
    public var runner: ProcessRunner
    public var fileSystem: LearnerFileSystem
    public var layout: KataLayout
    /// How long the tests of one check may run: learner code may loop for ever.
    public var timeLimit: Duration = .seconds(20)
    /// A first build on a busy machine takes a while; this only catches a build that hangs.
    public var buildLimit: Duration = .seconds(900)

    /// `layout.katasRoot` must be absolute: the workspace links point at it.
    public init(runner: ProcessRunner, fileSystem: LearnerFileSystem, layout: KataLayout) {
        self.runner = runner
        self.fileSystem = fileSystem
        self.layout = layout
    }

    public func check(_ kata: KataInfo) async throws -> CheckOutcome {
        let workspace = KataWorkspace(layout: layout, kata: kata)
        try workspace.prepare(fileSystem, absoluteKatasRoot: layout.katasRoot)
        let build = try await runner.run(ProcessRequest(SwiftTestCommand.build(), in: workspace.root, timeout: buildLimit))
        if !build.succeeded {
            let errors = CompilerErrors.extract(from: workspace.learnerPath(build.output))
            if !errors.isEmpty && !build.timedOut { return .compileFailed(errors) }
            let why = build.timedOut ? ["The build did not finish within \(buildLimit)."] : []
            return .stopped(TestRunReport(behaviours: [], finished: false), output: why + tail(build.output))
        }
        let eventsFile = join(workspace.root, ".build/events.jsonl")
        let result = try await CrashIsolation.run { skipping in
            try await runTests(workspace, eventsFile: eventsFile, skipping: skipping)
        }
        return Self.classify(result, limit: timeLimit, output: tail(workspace.learnerPath(result.outcome.output)))
    }

    private func runTests(_ workspace: KataWorkspace, eventsFile: String, skipping: [String]) async throws -> CrashIsolation.Run {
        if fileSystem.fileExists(at: eventsFile) { try fileSystem.removeItem(at: eventsFile) }
        let command = fileSystem.fileExists(at: workspace.testBinary)
            ? SwiftTestCommand.direct(binary: workspace.testBinary, eventsFile: eventsFile, skipping: skipping)
            : ["swift", "test", "--skip-build"] + SwiftTestCommand.testOptions(eventsFile: eventsFile, skipping: skipping)
        let outcome = try await runner.run(ProcessRequest(
            command, in: workspace.root, timeout: timeLimit, environment: SwiftTestCommand.environment
        ))
        let report = TestEventStreamParser.parse((try? fileSystem.readText(at: eventsFile)) ?? "")
        return CrashIsolation.Run(report: report, outcome: outcome)
    }

    /// Pure, so every branch is tested on constructed results.
    public static func classify(_ result: CrashIsolation.Result, limit: Duration, output: [String]) -> CheckOutcome {
        if result.outcome.timedOut {
            return .timedOut(result.report, behaviour: result.hung?.name, limit: limit)
        }
        if result.report.finished { return .tested(result.report, crashed: result.crashed) }
        return .stopped(result.report, output: output)
    }

    private func tail(_ output: String) -> [String] {
        output.split(separator: "\n").suffix(15).map(String.init)
    }
}
