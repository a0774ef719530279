import ChaosKata
import KataHarness

/// An instant `seconds` after the start of the run.
func t(_ seconds: Double) -> VirtualClock.Instant {
    VirtualClock.Instant(offset: .seconds(seconds))
}

func ok(_ milliseconds: Int = 20) -> Outcome {
    Outcome(succeeded: true, latency: .milliseconds(milliseconds))
}

func failed(_ milliseconds: Int = 20) -> Outcome {
    Outcome(succeeded: false, latency: .milliseconds(milliseconds))
}

/// A plan whose users' groups are fixed by the first letter of their name: "e…" experiment,
/// "c…" control, anything else untouched (with a blast radius of 0.1).
func lettersPlan(_ faults: [ScheduledFault] = []) -> InjectionPlan {
    InjectionPlan(blastRadius: 0.1, faults: faults) { user in
        switch user.first {
        case "e": 0.05
        case "c": 0.15
        default: 0.9
        }
    }
}

/// A hypothesis and a guard that never judge, for tests about the other one.
let lenientHypothesis = Hypothesis(maxSuccessRateDrop: 1, maxP99Increase: .seconds(3600), minSamples: 1)
let lenientGuard = StopCondition(minSamples: .max, minSuccessRate: 0, maxP99: .seconds(3600))

/// A fake service that answers from a script and records every call it gets.
final class ScriptedService {
    private(set) var calls: [(request: Request, fault: Fault?)] = []
    private let answer: (Request, Fault?) -> Outcome

    init(answer: @escaping (Request, Fault?) -> Outcome = { _, fault in fault == nil ? ok() : failed() }) {
        self.answer = answer
    }

    /// Answers each request with the outcome scripted for it, in traffic order.
    convenience init(outcomes: [Outcome]) {
        var remaining = outcomes[...]
        self.init { _, _ in remaining.popFirst() ?? ok() }
    }

    func serve(_ request: Request, _ fault: Fault?) -> Outcome {
        calls.append((request, fault))
        return answer(request, fault)
    }
}

func makeExperiment(
    plan: InjectionPlan = lettersPlan(), hypothesis: Hypothesis = lenientHypothesis,
    stop: StopCondition = lenientGuard, service: ScriptedService
) -> ChaosExperiment {
    ChaosExperiment(plan: plan, hypothesis: hypothesis, stopCondition: stop, service: service.serve)
}

/// Requests of one user, one per second from `start`.
func requests(_ user: String, count: Int, from start: Double = 0) -> [Request] {
    (0..<count).map { Request(user: user, at: t(start + Double($0))) }
}
