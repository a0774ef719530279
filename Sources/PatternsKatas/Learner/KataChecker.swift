import PatternsContent

/// What `check` found.
public enum CheckOutcome: Hashable, Sendable {
    /// The learner's code (or the package) does not compile: the learner's most common state.
    case compileFailed([CompilerErrors.Entry], output: String)
    case tested(TestRunReport)
    /// The tests did not run to the end, and no compile error explains it (a crash, a hang).
    case crashed(TestRunReport, output: String)
}

/// Runs one kata's tests against the learner's code in the katas package.
public struct KataChecker: Sendable {
    public var runner: ProcessRunner
    public var fileSystem: FileSystem
    /// Absolute path of the katas package.
    public var katasDirectory: String
    public var timeout: Duration = .seconds(600)

    public init(runner: ProcessRunner, fileSystem: FileSystem, katasDirectory: String) {
        self.runner = runner
        self.fileSystem = fileSystem
        self.katasDirectory = katasDirectory
    }

    public func check(_ kata: Kata) async throws -> CheckOutcome {
        let eventsFile = join(katasDirectory, ".build/kata-check-\(kata.id).jsonl")
        try fileSystem.createDirectory(at: join(katasDirectory, ".build"))
        if fileSystem.fileExists(at: eventsFile) { try fileSystem.removeItem(at: eventsFile) }
        let arguments = SwiftTestCommand.test(target: kata.module + "Tests", eventsFile: eventsFile, skipBuild: false)
        let outcome = try await runner.run(ProcessRequest(arguments, in: katasDirectory, timeout: timeout))
        let report = TestEventStreamParser.parse((try? fileSystem.readText(at: eventsFile)) ?? "")
        return Self.classify(report: report, outcome: outcome)
    }

    /// Pure, so every branch is tested on captured output.
    public static func classify(report: TestRunReport, outcome: ProcessOutcome) -> CheckOutcome {
        if report.finished && !outcome.timedOut { return .tested(report) }
        let errors = CompilerErrors.extract(from: outcome.output)
        if report.behaviours.isEmpty && !errors.isEmpty && !outcome.timedOut {
            return .compileFailed(errors, output: outcome.output)
        }
        return .crashed(report, output: outcome.output)
    }
}

/// Turns a `CheckOutcome` into the lines a learner reads.
public enum CheckReport {
    public static func lines(_ outcome: CheckOutcome, kata: Kata, projectRoot: String) -> [String] {
        switch outcome {
        case .compileFailed(let errors, _):
            let shown = errors.flatMap { [relative($0.line, to: projectRoot)] + $0.context }
            let elsewhere = errors.allSatisfy { !$0.path.contains("/\(kata.id)/") }
            let note = elsewhere ? ["", "These errors are outside \(kata.id): the whole katas package must compile to run any kata's tests."] : []
            return ["✗ It does not compile yet:", ""] + shown + note
        case .tested(let report):
            return behaviours(report) + ["", "\(report.passedCount) of \(report.behaviours.count) behaviours pass"]
        case .crashed(let report, let output):
            let tail = output.split(separator: "\n").suffix(15).map { "    " + $0 }
            return behaviours(report)
                + ["", "✗ The tests stopped before the end (a crash, or code that never returns). Last output:"]
                + tail
                + ["", "\(report.passedCount) of \(report.behaviours.count) behaviours pass (the run did not finish)"]
        }
    }

    static func behaviours(_ report: TestRunReport) -> [String] {
        report.behaviours.flatMap { behaviour -> [String] in
            switch behaviour.status {
            case .passed: ["✓ \(behaviour.name)"]
            case .failed: ["✗ \(behaviour.name)"] + behaviour.issues.map { "    \($0)" }
            case .didNotFinish: ["✗ \(behaviour.name)", "    did not finish (crashed or hung)"]
            }
        }
    }

    /// Compiler paths are absolute; the learner thinks from the repository root.
    static func relative(_ line: String, to root: String) -> String {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return line.hasPrefix(prefix) ? String(line.dropFirst(prefix.count)) : line
    }
}
