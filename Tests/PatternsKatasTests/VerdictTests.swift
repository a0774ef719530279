import PatternsContent
import Testing
@testable import PatternsKatas

@Suite("Judging variants")
struct VerdictTests {
    let variants = VariantGenerator.variants(for: Fixture.kata(), files: Fixture.files).variants

    func report(_ passes: [Bool], finished: Bool = true) -> TestRunReport {
        TestRunReport(behaviours: passes.enumerated().map { index, passed in
            BehaviourResult(name: "behaviour \(index)", status: passed ? .passed : .failed, issues: passed ? [] : ["T.swift:1:1: boom"])
        }, finished: finished)
    }

    @Test("A reference that fails a test fails the run, naming the behaviour")
    func referenceFails() {
        let verdict = VariantVerdict.judge(variants[0], .ran(report([true, false]), timedOut: false, output: ""))
        #expect(!verdict.ok)
        #expect(verdict.summary == "reference ✗ passes 1/2")
        #expect(verdict.problem?.contains("✗ behaviour 1\n        T.swift:1:1: boom") == true)
    }

    @Test("A stub on which any test passes fails the run, naming the tests that pass")
    func stubPasses() {
        #expect(!VariantVerdict.judge(variants[1], .ran(report([true, true]), timedOut: false, output: "")).ok)
        let one = VariantVerdict.judge(variants[1], .ran(report([false, true]), timedOut: false, output: ""))
        #expect(!one.ok)
        #expect(one.summary == "stub ✗ passes 1/2")
        #expect(one.problem?.contains("✓ behaviour 1") == true, "\(one.problem ?? "nil")")
        let none = VariantVerdict.judge(variants[1], .ran(report([false, false]), timedOut: false, output: ""))
        #expect(none.ok && none.summary == "stub ✓ passes 0/2" && none.counts == .init(passed: 0, total: 2))
    }

    @Test("A surviving mutant is named with its description")
    func mutantSurvives() {
        let verdict = VariantVerdict.judge(variants[3], .ran(report([true, true]), timedOut: false, output: ""))
        #expect(!verdict.ok)
        #expect(verdict.problem == "adder: mutant 'swaps' survived: The swaps mistake.")
    }

    @Test("A hang catches a mutant but sinks a reference")
    func hang() {
        let hung = VariantRun.ran(report([true], finished: false), timedOut: true, output: "")
        #expect(VariantVerdict.judge(variants[2], hung).ok)
        #expect(!VariantVerdict.judge(variants[0], hung).ok)
    }

    @Test("A variant that does not compile fails, with the compiler's lines")
    func compileFailure() {
        let verdict = VariantVerdict.judge(variants[2], .compileFailed(["X.swift:1:1: error: nope"]))
        #expect(!verdict.ok)
        #expect(verdict.problem == "adder: mutant subtracts (AdderKata__subtracts) does not compile\n    X.swift:1:1: error: nope")
    }

    @Test("The table line sums up a kata")
    func tableLine() {
        let verdicts = [
            VariantVerdict.judge(variants[0], .ran(report([true, true]), timedOut: false, output: "")),
            VariantVerdict.judge(variants[1], .ran(report([false, false]), timedOut: false, output: "")),
            VariantVerdict.judge(variants[2], .ran(report([false, true]), timedOut: false, output: "")),
            VariantVerdict.judge(variants[3], .ran(report([true, true]), timedOut: false, output: "")),
        ]
        #expect(VerifyTable.line(kataID: "adder", width: 7, verdicts: verdicts)
            == "adder    reference ✓ passes 2/2 · stub ✓ passes 0/2 · mutants 1/2 caught")
    }
}
