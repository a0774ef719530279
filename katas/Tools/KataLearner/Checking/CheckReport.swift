/// Turns a `CheckOutcome` into the lines a learner reads.
public enum CheckReport {
    public static func lines(_ outcome: CheckOutcome, kata: KataInfo) -> [String] {
        switch outcome {
        case .compileFailed(let errors):
            return ["✗ It does not compile yet:", ""] + errors.flatMap { [$0.line] + $0.context }
        case .tested(let report, let crashed):
            let crashNote = crashed.isEmpty ? [] : ["", "\(crashed.count) behaviour\(crashed.count == 1 ? "" : "s") crashed the tests; the others ran without \(crashed.count == 1 ? "it" : "them")."]
            return behaviours(report) + crashNote + ["", "\(report.passedCount) of \(report.behaviours.count) behaviours pass"]
        case .timedOut(let report, let behaviour, let limit):
            let which = behaviour.map { "while “\($0)” was running" } ?? "before any behaviour started"
            return behaviours(report) + [
                "",
                "✗ Stopped at the time limit (\(limit.seconds) s) \(which): code that never returns, or waits for ever.",
                "  (A slow machine? Raise it with --time-limit SECONDS.)",
            ]
        case .stopped(let report, let output):
            return behaviours(report)
                + ["", "✗ The tests stopped before the end, and no single behaviour explains it. Last output:"]
                + output.map { "    " + $0 }
        }
    }

    static func behaviours(_ report: TestRunReport) -> [String] {
        report.behaviours.flatMap { behaviour -> [String] in
            switch behaviour.status {
            case .passed: ["✓ \(behaviour.name)"]
            case .failed: ["✗ \(behaviour.name)"] + behaviour.issues.map { "    \($0)" }
            case .didNotFinish: ["✗ \(behaviour.name)", "    did not finish"]
            }
        }
    }
}

extension Duration {
    /// Whole seconds, for messages.
    var seconds: Int64 { components.seconds }
}
