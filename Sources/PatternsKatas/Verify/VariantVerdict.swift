import KataLearner
/// What happened when a variant was built and its tests run.
public enum VariantRun: Hashable, Sendable {
    /// The variant did not compile; the compiler's error lines.
    case compileFailed([String])
    /// A variant that could not even be generated (e.g. a mutant whose text is ambiguous).
    case invalid(String)
    case ran(TestRunReport, timedOut: Bool, output: String)
}

/// Whether one variant behaved as its kind demands, with the words to say so.
public struct VariantVerdict: Hashable, Sendable {
    public var variant: Variant
    public var ok: Bool
    /// The table cell, e.g. `reference ✓ passes 9/9`.
    public var summary: String
    /// Why the run fails, naming kata and variant; nil when ok.
    public var problem: String?
    /// Tests passed, of those run; nil when the tests never ran.
    public var counts: TestCounts?

    public struct TestCounts: Hashable, Sendable {
        public var passed: Int
        public var total: Int
    }

    /// The rules: a reference passes every test; a stub and each mutant fail at least one.
    /// A hang or crash is a failure, which catches a mutant but sinks a reference.
    public static func judge(_ variant: Variant, _ run: VariantRun) -> VariantVerdict {
        let kata = variant.kataID
        switch run {
        case .invalid(let message):
            return VariantVerdict(variant: variant, ok: false, summary: "\(variant.label) ✗ invalid",
                                  problem: "\(kata): \(message)")
        case .compileFailed(let lines):
            let shown = lines.isEmpty ? "" : "\n" + lines.map { "    " + $0 }.joined(separator: "\n")
            return VariantVerdict(variant: variant, ok: false, summary: "\(variant.label) ✗ does not compile",
                                  problem: "\(kata): \(variant.label) (\(variant.module)) does not compile\(shown)")
        case .ran(let report, let timedOut, let output):
            return judgeRun(variant, report, timedOut: timedOut, output: output)
        }
    }

    private static func judgeRun(_ variant: Variant, _ report: TestRunReport, timedOut: Bool, output: String) -> VariantVerdict {
        var verdict = judgeReport(variant, report, timedOut: timedOut, output: output)
        verdict.counts = TestCounts(passed: report.passedCount, total: report.behaviours.count)
        return verdict
    }

    private static func judgeReport(_ variant: Variant, _ report: TestRunReport, timedOut: Bool, output: String) -> VariantVerdict {
        let kata = variant.kataID
        let total = report.behaviours.count
        let interrupted = timedOut || !report.finished
        let why = timedOut ? " (timed out)" : !report.finished ? " (the test process crashed)" : ""
        if total == 0 && !interrupted {
            return VariantVerdict(variant: variant, ok: false, summary: "\(variant.label) ✗ no tests ran",
                                  problem: "\(kata): no tests ran for \(variant.label) (\(variant.testTarget))")
        }
        switch variant.kind {
        case .invalid:
            return VariantVerdict(variant: variant, ok: false, summary: "kata ✗ invalid", problem: "\(kata): invalid")
        case .reference, .schemata:
            let ok = report.allPassed && !timedOut
            var problem: String?
            if !ok {
                let failures = report.behaviours.filter { !$0.passed }.map { behaviour in
                    "    ✗ \(behaviour.name)" + behaviour.issues.map { "\n        \($0)" }.joined()
                }
                let tail = interrupted && failures.isEmpty ? "\n" + lastLines(output) : ""
                let what = variant.kind == .schemata ? "the generated schemata, with no mutant on," : "the reference solution"
                problem = "\(kata): \(what) fails\(why)\n" + failures.joined(separator: "\n") + tail
            }
            return VariantVerdict(variant: variant, ok: ok,
                                  summary: "\(variant.label) \(ok ? "✓" : "✗") passes \(report.passedCount)/\(total)\(why)",
                                  problem: problem)
        case .stub:
            // Every test must fail on the untouched stub: one that passes asserts nothing the
            // learner has to build (a "never trips" breaker passing "a successful probe closes").
            let passing = report.behaviours.filter(\.passed)
            let ok = passing.isEmpty
            let names = passing.map { "\n    ✓ \($0.name)" }.joined()
            return VariantVerdict(variant: variant, ok: ok,
                                  summary: "stub \(ok ? "✓" : "✗") passes \(passing.count)/\(total)\(why)",
                                  problem: ok ? nil : "\(kata): \(passing.count) test\(passing.count == 1 ? "" : "s") pass on the untouched stub; each must first prove its precondition\(names)")
        case .mutant(let mutant):
            let caught = !report.allPassed || timedOut
            return VariantVerdict(variant: variant, ok: caught,
                                  summary: "mutant \(mutant.id) \(caught ? "caught" : "survived")\(why)",
                                  problem: caught ? nil : "\(kata): mutant '\(mutant.id)' survived: \(mutant.description)")
        }
    }

    private static func lastLines(_ output: String, count: Int = 15) -> String {
        output.split(separator: "\n").suffix(count).map { "    " + $0 }.joined(separator: "\n")
    }
}

/// The per-kata line: `circuit-breaker  reference ✓ passes 9/9 · stub ✓ fails 9/9 · mutants 4/4 caught`.
public enum VerifyTable {
    public static func line(kataID: String, width: Int, verdicts: [VariantVerdict]) -> String {
        var cells = verdicts.filter { !isMutant($0.variant) }.map(\.summary)
        let mutants = verdicts.filter { isMutant($0.variant) }
        if !mutants.isEmpty {
            let caught = mutants.filter(\.ok).count
            cells.append("mutants \(caught)/\(mutants.count) caught")
        }
        let padded = kataID + String(repeating: " ", count: max(0, width - kataID.count))
        return "\(padded)  \(cells.joined(separator: " · "))"
    }

    static func isMutant(_ variant: Variant) -> Bool {
        if case .mutant = variant.kind { return true }
        return false
    }
}
