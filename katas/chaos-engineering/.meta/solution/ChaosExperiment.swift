import KataHarness

/// A steady-state experiment on a service: the experiment group gets the plan's faults, a control
/// group of the same size gets none, the guard stops everything when the experiment group crosses
/// an absolute bound, and at the end the hypothesis compares the two groups.
public final class ChaosExperiment {
    public let plan: InjectionPlan
    public let hypothesis: Hypothesis
    public let stopCondition: StopCondition
    private let service: (Request, Fault?) -> Outcome

    /// `service` serves one request, with the fault to inject into it or nil.
    public init(
        plan: InjectionPlan, hypothesis: Hypothesis, stopCondition: StopCondition,
        service: @escaping (Request, Fault?) -> Outcome
    ) {
        self.plan = plan
        self.hypothesis = hypothesis
        self.stopCondition = stopCondition
        self.service = service
    }

    /// Buckets below `blastRadius` are the experiment, the next `blastRadius` control, the rest
    /// untouched.
    public func group(of user: String) -> Group {
        let bucket = plan.bucket(user)
        if bucket < plan.blastRadius { return .experiment }
        if bucket < 2 * plan.blastRadius { return .control }
        return .untouched
    }

    /// The fault this request gets: the first scheduled fault active at its arrival, and only for
    /// the experiment group.
    public func fault(for request: Request) -> Fault? {
        guard group(of: request.user) == .experiment else { return nil }
        return plan.faults.first { $0.from <= request.at && request.at < $0.until }?.fault
    }

    /// Serves `traffic` in order, checking the guard after every request; stops at the first
    /// breach. Otherwise judges the hypothesis on the whole run.
    public func run(_ traffic: [Request]) -> Report {
        var window = SLIWindow(length: stopCondition.window)
        var experiment: [Outcome] = []
        var control: [Outcome] = []
        var injected = 0
        for request in traffic {
            let fault = fault(for: request)
            if fault != nil { injected += 1 }
            let outcome = service(request, fault)
            switch group(of: request.user) {
            case .experiment:
                experiment.append(outcome)
                window.record(outcome, at: request.at)
            case .control:
                control.append(outcome)
            case .untouched:
                break
            }
            if let breach = guardBreach(window.outcomes(at: request.at)) {
                return report(.aborted(at: request.at, breach), injected, experiment, control)
            }
        }
        return report(judge(experiment: experiment, control: control), injected, experiment, control)
    }

    private func guardBreach(_ recent: [Outcome]) -> Breach? {
        guard recent.count >= stopCondition.minSamples,
              let rate = SLI.successRate(of: recent)
        else { return nil }
        if rate < stopCondition.minSuccessRate {
            return .successRate(observed: rate, limit: stopCondition.minSuccessRate)
        }
        if let p99 = SLI.p99(of: recent), p99 > stopCondition.maxP99 {
            return .p99(observed: p99, limit: stopCondition.maxP99)
        }
        return nil
    }

    private func judge(experiment: [Outcome], control: [Outcome]) -> Verdict {
        guard experiment.count >= hypothesis.minSamples, control.count >= hypothesis.minSamples,
              let experimentRate = SLI.successRate(of: experiment),
              let controlRate = SLI.successRate(of: control)
        else { return .inconclusive }
        var breaches: [Breach] = []
        let lowestRate = controlRate - hypothesis.maxSuccessRateDrop
        if experimentRate < lowestRate {
            breaches.append(.successRate(observed: experimentRate, limit: lowestRate))
        }
        // Latency is compared only when both groups have a successful request to measure.
        if let experimentP99 = SLI.p99(of: experiment), let controlP99 = SLI.p99(of: control) {
            let highestP99 = controlP99 + hypothesis.maxP99Increase
            if experimentP99 > highestP99 {
                breaches.append(.p99(observed: experimentP99, limit: highestP99))
            }
        }
        return breaches.isEmpty ? .held : .refuted(breaches)
    }

    private func report(_ verdict: Verdict, _ injected: Int, _ experiment: [Outcome], _ control: [Outcome]) -> Report {
        Report(
            verdict: verdict, injectedFaults: injected,
            experiment: summary(experiment), control: summary(control)
        )
    }

    private func summary(_ outcomes: [Outcome]) -> GroupSummary {
        GroupSummary(requests: outcomes.count, successRate: SLI.successRate(of: outcomes), p99: SLI.p99(of: outcomes))
    }
}
