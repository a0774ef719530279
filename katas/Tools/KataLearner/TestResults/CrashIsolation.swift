/// Runs a kata's tests again, skipping the test that crashed the process each time, so a trap
/// fails one behaviour — named, with its `Fatal error` line — and every other behaviour still
/// reports. Shared by the learner's `check` and the maintainer's `verify`.
public enum CrashIsolation {
    /// One run of the test process: what the event stream said and how the process ended.
    public struct Run: Sendable {
        public var report: TestRunReport
        public var outcome: ProcessOutcome

        public init(report: TestRunReport, outcome: ProcessOutcome) {
            self.report = report
            self.outcome = outcome
        }
    }

    public struct Result: Sendable, Equatable {
        /// Every behaviour seen in any run; a crashed one is `.failed` with the crash as its issue.
        public var report: TestRunReport
        /// The last run's process outcome.
        public var outcome: ProcessOutcome
        /// The names of the behaviours that crashed the test process.
        public var crashed: [String]
        /// The behaviour running when the time limit was hit, if it was.
        public var hung: BehaviourResult?
    }

    /// `launch` runs the tests, skipping the given `--skip` patterns. At most `maxRuns` runs.
    public static func run(maxRuns: Int = 16, _ launch: ([String]) async throws -> Run) async throws -> Result {
        var skipped: [String] = []
        var latest: [String: BehaviourResult] = [:]
        var order: [String] = []
        var crashed: [String] = []
        var last: Run?
        for _ in 0..<maxRuns {
            let run = try await launch(skipped)
            last = run
            for behaviour in run.report.behaviours {
                if latest[behaviour.id] == nil { order.append(behaviour.id) }
                latest[behaviour.id] = behaviour
            }
            let running = run.report.behaviours.filter { $0.status == .didNotFinish }
            // Done when the run ended, hit the time limit, or died where no single test explains it.
            guard !run.report.finished, !run.outcome.timedOut, running.count == 1 else { break }
            let victim = running[0]
            latest[victim.id] = BehaviourResult(
                id: victim.id, name: victim.name, status: .failed,
                issues: victim.issues + [CrashLine.describe(run.outcome)]
            )
            crashed.append(victim.name)
            skipped.append(skipPattern(victim.id))
        }
        let final = last ?? Run(report: TestRunReport(behaviours: [], finished: false), outcome: ProcessOutcome(exitCode: 1, output: ""))
        let hung = final.outcome.timedOut ? final.report.behaviours.first { $0.status == .didNotFinish } : nil
        return Result(
            report: TestRunReport(behaviours: order.compactMap { latest[$0] }, finished: final.report.finished),
            outcome: final.outcome, crashed: crashed, hung: hung
        )
    }

    /// A `--skip` regex for one test: its id without the trailing source location, escaped.
    static func skipPattern(_ id: String) -> String {
        var parts = id.split(separator: "/", omittingEmptySubsequences: false)
        if let last = parts.last, last.contains(".swift:") { parts.removeLast() }
        let plain = parts.joined(separator: "/")
        let special: Set<Character> = ["\\", ".", "(", ")", "[", "]", "{", "}", "*", "+", "?", "^", "$", "|"]
        return "^" + plain.map { special.contains($0) ? "\\\($0)" : String($0) }.joined()
    }
}

/// The line of a crashed test process that says where and why it stopped.
public enum CrashLine {
    static let markers = [": Fatal error", ": Precondition failed", ": Assertion failed"]

    public static func describe(_ outcome: ProcessOutcome) -> String {
        let lines = outcome.output.split(separator: "\n").map(String.init)
        if let line = lines.first(where: { line in markers.contains { line.contains($0) } }) {
            return "crashed: " + line.trimmingWhitespace
        }
        switch outcome.signal {
        case 4?, 5?: return "crashed: a trap (signal \(outcome.signal!)) — an arithmetic overflow, an index out of range or a failed precondition"
        case 11?: return "crashed: a segmentation fault (signal 11) — often unbounded recursion"
        case let signal?: return "crashed: killed by signal \(signal)"
        case nil: return "crashed: the test process exited (\(outcome.exitCode)) while this test ran"
        }
    }
}
