import ChaosKata
import KataHarness
import Testing

/// A seeded experiment: random users, traffic, faults, service and bounds.
struct SeededRun {
    let plan: InjectionPlan
    let hypothesis: Hypothesis
    let stop: StopCondition
    let traffic: [Request]
    let errorSuccess: Double      // the chance that the service survives an injected error
    let groups: [String: Group]

    init(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let faults = (0..<Int.random(in: 1...2, using: &random)).map { _ in
            let from = Double.random(in: 0..<200, using: &random)
            let fault: Fault = Bool.random(using: &random) ? .error : .latency(.milliseconds(Int.random(in: 10...400, using: &random)))
            return ScheduledFault(fault, from: t(from), until: t(from + Double.random(in: 5..<120, using: &random)))
        }
        plan = InjectionPlan(blastRadius: Double.random(in: 0.1...0.4, using: &random), faults: faults, seed: seed)
        hypothesis = Hypothesis(maxSuccessRateDrop: Double.random(in: 0...0.1, using: &random), maxP99Increase: .milliseconds(Int.random(in: 0...200, using: &random)), minSamples: 10)
        stop = StopCondition(
            window: .seconds(Double(Int.random(in: 10...60, using: &random))), minSamples: Int.random(in: 3...12, using: &random),
            minSuccessRate: Double.random(in: 0.5...0.9, using: &random), maxP99: .milliseconds(Int.random(in: 200...600, using: &random))
        )
        errorSuccess = Double.random(in: 0...1, using: &random)
        let plan = plan
        groups = Dictionary(uniqueKeysWithValues: (0..<30).map { index in
            let bucket = plan.bucket("user-\(index)")
            let group: Group = bucket < plan.blastRadius ? .experiment : bucket < plan.blastRadius * 2 ? .control : .untouched
            return ("user-\(index)", group)
        })
        var time = 0.0
        traffic = (0..<200).map { _ in
            time += Double.random(in: 0..<2, using: &random)
            return Request(user: "user-\(Int.random(in: 0..<30, using: &random))", at: t((time * 1000).rounded() / 1000))
        }
    }

    /// The service, with its own seeded draws so that a fault's effect is reproducible.
    func service(seed: UInt64) -> (Request, Fault?) -> Outcome {
        var random = SeededRandom(seed: seed &+ 1)
        let survives = errorSuccess
        return { _, fault in
            let base = Duration.milliseconds(Int.random(in: 10...90, using: &random))
            let unlucky = Double.random(in: 0..<1, using: &random) < 0.01
            switch fault {
            case nil: return Outcome(succeeded: !unlucky, latency: base)
            case .latency(let extra): return Outcome(succeeded: !unlucky, latency: base + extra)
            case .error: return Outcome(succeeded: Double.random(in: 0..<1, using: &random) < survives, latency: base)
            }
        }
    }

    // The model: the rules of instructions.md, written out the slow and obvious way.

    func modelGroup(_ user: String) -> Group {
        groups[user]!
    }

    func modelFault(_ request: Request) -> Fault? {
        guard modelGroup(request.user) == .experiment else { return nil }
        return plan.faults.first { (($0.from)..<($0.until)).contains(request.at) }?.fault
    }

    static func rate(_ outcomes: [Outcome]) -> Double {
        Double(outcomes.filter(\.succeeded).count) / Double(outcomes.count)
    }

    static func p99(_ outcomes: [Outcome]) -> Duration? {
        let sorted = outcomes.filter(\.succeeded).map(\.latency).sorted()
        guard !sorted.isEmpty else { return nil }
        // The smallest latency that at least 99 % of the successes are at or below.
        return sorted.first { latency in 100 * sorted.filter { $0 <= latency }.count >= 99 * sorted.count }
    }

    func modelBreach(served: [(request: Request, outcome: Outcome)], now: VirtualClock.Instant) -> Breach? {
        let recent = served.reversed().prefix { now - $0.request.at < stop.window }
            .filter { modelGroup($0.request.user) == .experiment }.map(\.outcome)
        guard recent.count >= stop.minSamples else { return nil }
        let rate = Self.rate(recent)
        if rate < stop.minSuccessRate { return .successRate(observed: rate, limit: stop.minSuccessRate) }
        if let p99 = Self.p99(recent), p99 > stop.maxP99 { return .p99(observed: p99, limit: stop.maxP99) }
        return nil
    }

    func modelVerdict(experiment: [Outcome], control: [Outcome]) -> Verdict {
        guard experiment.count >= hypothesis.minSamples, control.count >= hypothesis.minSamples else { return .inconclusive }
        var breaches: [Breach] = []
        let limit = Self.rate(control) - hypothesis.maxSuccessRateDrop
        if Self.rate(experiment) < limit { breaches.append(.successRate(observed: Self.rate(experiment), limit: limit)) }
        if let e = Self.p99(experiment), let c = Self.p99(control), e > c + hypothesis.maxP99Increase {
            breaches.append(.p99(observed: e, limit: c + hypothesis.maxP99Increase))
        }
        return breaches.isEmpty ? .held : .refuted(breaches)
    }
}

@Suite("Chaos experiments over seeded runs")
struct ExperimentPropertyTests {
    @Test("Over 200 seeded experiments faults reach only the experiment group inside their windows, the guard trips at the first breach, and the verdict follows the rules")
    func seededExperiments() {
        var verdictKinds: [String: Int] = [:]
        for seed in UInt64(0)..<200 {
            let run = SeededRun(seed: seed)
            var log: [(request: Request, fault: Fault?, outcome: Outcome)] = []
            let serve = run.service(seed: seed)
            let experiment = ChaosExperiment(plan: run.plan, hypothesis: run.hypothesis, stopCondition: run.stop) { request, fault in
                let outcome = serve(request, fault)
                log.append((request, fault, outcome))
                return outcome
            }

            let report = experiment.run(run.traffic)

            // Replay the log through the model: where it must stop, and what it must conclude.
            var served: [(request: Request, outcome: Outcome)] = []
            var expected: Verdict?
            for (index, entry) in log.enumerated() {
                guard entry.request == run.traffic[index] else {
                    Issue.record("seed \(seed): request \(index) served was \(entry.request), expected \(run.traffic[index]). Replay: SeededRun(seed: \(seed))")
                    return
                }
                if entry.fault != run.modelFault(entry.request) {
                    Issue.record("seed \(seed): \(entry.request) (group \(run.modelGroup(entry.request.user))) got fault \(String(describing: entry.fault)), expected \(String(describing: run.modelFault(entry.request))). Replay: SeededRun(seed: \(seed))")
                    return
                }
                served.append((entry.request, entry.outcome))
                if let breach = run.modelBreach(served: served, now: entry.request.at) {
                    expected = .aborted(at: entry.request.at, breach)
                    if index != log.count - 1 {
                        Issue.record("seed \(seed): the guard should have tripped at request \(index) with \(breach), but \(log.count - 1 - index) more were served. Replay: SeededRun(seed: \(seed))")
                        return
                    }
                }
            }
            let experimentOutcomes = served.filter { run.modelGroup($0.request.user) == .experiment }.map(\.outcome)
            let controlOutcomes = served.filter { run.modelGroup($0.request.user) == .control }.map(\.outcome)
            if expected == nil {
                if log.count != run.traffic.count {
                    Issue.record("seed \(seed): no guard breach, yet only \(log.count) of \(run.traffic.count) requests were served. Replay: SeededRun(seed: \(seed))")
                    return
                }
                expected = run.modelVerdict(experiment: experimentOutcomes, control: controlOutcomes)
            }
            if report.verdict != expected {
                Issue.record("seed \(seed): verdict \(report.verdict), expected \(expected!). Replay: SeededRun(seed: \(seed))")
                return
            }
            let injected = log.filter { $0.fault != nil }.count
            if report.injectedFaults != injected || report.experiment.requests != experimentOutcomes.count || report.control.requests != controlOutcomes.count {
                Issue.record("seed \(seed): the report counts \(report.injectedFaults) faults, \(report.experiment.requests) experiment and \(report.control.requests) control requests; the log shows \(injected), \(experimentOutcomes.count) and \(controlOutcomes.count). Replay: SeededRun(seed: \(seed))")
                return
            }
            let kind = switch report.verdict {
            case .held: "held"
            case .refuted: "refuted"
            case .aborted: "aborted"
            case .inconclusive: "inconclusive"
            }
            verdictKinds[kind, default: 0] += 1
        }
        // The seeds must exercise every outcome, or the checks above prove little.
        for kind in ["held", "refuted", "aborted"] {
            #expect(verdictKinds[kind, default: 0] >= 10, "only \(verdictKinds[kind, default: 0]) of 200 seeded runs ended \(kind); all verdicts: \(verdictKinds)")
        }
    }
}
