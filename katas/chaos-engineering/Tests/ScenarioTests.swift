import ChaosKata
import KataHarness
import Testing

/// Ten minutes of traffic, a request every 100 ms from one of 200 users.
func tenMinutesOfTraffic(seed: UInt64) -> [Request] {
    var random = SeededRandom(seed: seed)
    return (0..<6000).map { Request(user: "user-\(Int.random(in: 0..<200, using: &random))", at: t(Double($0) / 10)) }
}

/// A service whose dependency answers in 20–50 ms. With a fallback, a failed dependency call is
/// answered from a cache in 5 ms more; without one, the request fails.
func dependencyService(fallback: Bool) -> (Request, Fault?) -> Outcome {
    var random = SeededRandom(seed: 99)
    return { _, fault in
        let base = Duration.milliseconds(Int.random(in: 20...50, using: &random))
        switch fault {
        case nil: return Outcome(succeeded: true, latency: base)
        case .latency(let extra): return Outcome(succeeded: true, latency: base + extra)
        case .error: return Outcome(succeeded: fallback, latency: base + .milliseconds(5))
        }
    }
}

enum Expected: Sendable {
    case held, refutedOnLatency, abortedOnSuccessRate
}

@Suite("Experiments on a simulated service")
struct ScenarioTests {
    @Test(
        "Each kind of weakness gets its own verdict",
        arguments: [
            (Fault.error, true, Expected.held),
            (.latency(.milliseconds(80)), true, .refutedOnLatency),
            (.error, false, .abortedOnSuccessRate),
        ]
    )
    func verdicts(fault: Fault, fallback: Bool, expected: Expected) {
        let plan = InjectionPlan(blastRadius: 0.05, faults: [ScheduledFault(fault, from: t(60), until: t(540))], seed: 7)
        // Netflix's ChAP compares experiment and control on the same small slice of traffic.
        let hypothesis = Hypothesis(maxSuccessRateDrop: 0.01, maxP99Increase: .milliseconds(50), minSamples: 100)
        let stop = StopCondition(minSamples: 20, minSuccessRate: 0.9, maxP99: .milliseconds(500))
        let experiment = ChaosExperiment(plan: plan, hypothesis: hypothesis, stopCondition: stop, service: dependencyService(fallback: fallback))

        let report = experiment.run(tenMinutesOfTraffic(seed: 3))

        if expected != .abortedOnSuccessRate {
            #expect(report.experiment.requests >= 200 && report.control.requests >= 200, "about 5 % of 6000 requests per group, but got \(report.experiment.requests) and \(report.control.requests)")
        }
        switch (expected, report.verdict) {
        case (.held, .held):
            #expect(report.injectedFaults > 0, "the fallback held only because faults were injected and masked, but none were")
        case (.refutedOnLatency, .refuted(let breaches)):
            #expect(breaches.count == 1, "only latency should breach, but got \(breaches)")
            if case .p99(let observed, _) = breaches.first {
                #expect(observed > .milliseconds(100), "80 ms on a 50 ms dependency puts p99 above 100 ms, but it was \(observed)")
            } else {
                Issue.record("expected a p99 breach, got \(breaches)")
            }
        case (.abortedOnSuccessRate, .aborted(let at, .successRate)):
            #expect(at >= t(60) && at < t(70), "without a fallback the guard should trip within 10 s of the fault starting at t+60, but tripped at \(at)")
        default:
            Issue.record("expected \(expected), got \(report.verdict)")
        }
    }
}
