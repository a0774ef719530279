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
        // TODO(kata)
        .untouched
    }

    /// The fault this request gets: the first scheduled fault active at its arrival, and only for
    /// the experiment group.
    public func fault(for request: Request) -> Fault? {
        // TODO(kata)
        nil
    }

    /// Serves `traffic` in order, checking the guard after every request; stops at the first
    /// breach. Otherwise judges the hypothesis on the whole run.
    public func run(_ traffic: [Request]) -> Report {
        // TODO(kata): serve every request (with its fault), keep each group's outcomes and the
        // experiment group's window, abort on the first guard breach, else judge the hypothesis.
        let nothing = GroupSummary(requests: 0, successRate: nil, p99: nil)
        return Report(verdict: .inconclusive, injectedFaults: 0, experiment: nothing, control: nothing)
    }
}
