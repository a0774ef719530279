import ChaosKata
import KataHarness
import Testing

@Suite("Choosing the groups and injecting faults")
struct InjectionTests {
    @Test("Buckets below the blast radius are the experiment, the next equal share is control", arguments: [0.1, 0.25])
    func groupsByBucket(radius: Double) {
        let buckets = ["a": 0, "b": radius.nextDown, "c": radius, "d": (2 * radius).nextDown, "e": 2 * radius, "f": 0.999]
        let plan = InjectionPlan(blastRadius: radius, faults: []) { buckets[$0]! }
        let experiment = makeExperiment(plan: plan, service: ScriptedService())

        let groups = ["a", "b", "c", "d", "e", "f"].map(experiment.group(of:))

        #expect(groups == [.experiment, .experiment, .control, .control, .untouched, .untouched], "with a blast radius of \(radius), buckets 0 and just under \(radius) are the experiment, \(radius) and just under \(2 * radius) control, from \(2 * radius) untouched; got \(groups)")
    }

    @Test("A fault reaches only experiment requests inside its window", arguments: [Fault.error, .latency(.milliseconds(250))])
    func faultWindow(fault: Fault) {
        let plan = lettersPlan([ScheduledFault(fault, from: t(10), until: t(20))])
        let service = ScriptedService()
        let experiment = makeExperiment(plan: plan, service: service)
        let traffic = [
            Request(user: "e1", at: t(9.999)), Request(user: "e1", at: t(10)), Request(user: "c1", at: t(15)),
            Request(user: "u1", at: t(15)), Request(user: "e2", at: t(19.999)), Request(user: "e2", at: t(20)),
        ]

        let faults = traffic.map(experiment.fault(for:))
        #expect(faults == [nil, fault, nil, nil, fault, nil], "the fault is on from t+10 up to, not including, t+20, for experiment users only; got \(faults)")

        let report = experiment.run(traffic)
        #expect(service.calls.map(\.request) == traffic, "every request is served once, in order, untouched ones too; served \(service.calls.map(\.request))")
        #expect(service.calls.map(\.fault) == faults, "run should serve each request with its fault, but served \(service.calls.map(\.fault))")
        #expect(report.injectedFaults == 2, "two requests got the fault, but the report counts \(report.injectedFaults)")
    }

    @Test("When scheduled faults overlap, the first in plan order applies")
    func overlappingFaults() {
        let plan = lettersPlan([
            ScheduledFault(.error, from: t(0), until: t(20)),
            ScheduledFault(.latency(.seconds(1)), from: t(10), until: t(30)),
        ])
        let experiment = makeExperiment(plan: plan, service: ScriptedService())

        let faults = [5.0, 15, 25, 35].map { experiment.fault(for: Request(user: "e1", at: t($0))) }

        #expect(faults == [.error, .error, .latency(.seconds(1)), nil], "error alone at t+5, error first in the overlap at t+15, latency alone at t+25, nothing at t+35; got \(faults)")
    }

    @Test("The report sums up each group over the whole run")
    func summaries() {
        let plan = lettersPlan([ScheduledFault(.error, from: t(0), until: t(2))])
        let service = ScriptedService { request, fault in
            fault != nil ? failed(900) : request.user == "c1" ? ok(30) : ok(10)
        }
        let traffic = requests("e1", count: 4) + requests("c1", count: 3, from: 10) + requests("u1", count: 5, from: 20)

        let report = makeExperiment(plan: plan, service: service).run(traffic)

        #expect(report.experiment == GroupSummary(requests: 4, successRate: 0.5, p99: .milliseconds(10)), "the experiment had 4 requests, the first 2 failed by the fault; got \(report.experiment)")
        #expect(report.control == GroupSummary(requests: 3, successRate: 1, p99: .milliseconds(30)), "control had 3 requests of 30 ms, all served; got \(report.control)")
        #expect(report.injectedFaults == 2, "the fault was on for 2 experiment requests, but the report counts \(report.injectedFaults)")
        #expect(service.calls.count == 12, "untouched requests are served too, but the service got \(service.calls.count) calls")
    }
}

@Suite("The guard")
struct GuardTests {
    @Test("The guard aborts at the first request that takes the success rate below its minimum", arguments: [(0.75, 3), (0.5, 2)])
    func abortsOnSuccessRate(minimum: Double, successesFirst: Int) {
        let outcomes = Array(repeating: ok(), count: successesFirst) + Array(repeating: failed(), count: 6 - successesFirst)
        let service = ScriptedService(outcomes: outcomes)
        let stop = StopCondition(minSamples: 4, minSuccessRate: minimum, maxP99: .seconds(10))

        let report = makeExperiment(stop: stop, service: service).run(requests("e1", count: 6))

        // After 4 requests the rate is exactly the minimum, which holds; the 5th takes it below.
        let expected = Verdict.aborted(at: t(4), .successRate(observed: Double(successesFirst) / 5, limit: minimum))
        #expect(report.verdict == expected, "the 5th request, at t+4, takes the rate to \(successesFirst)/5, below \(minimum): expected \(expected), got \(report.verdict)")
        #expect(service.calls.count == 5, "an aborted experiment serves nothing after the breach, but the service got \(service.calls.count) calls")
        #expect(report.experiment.requests == 5, "the report covers the 5 requests served, but counts \(report.experiment.requests)")
    }

    @Test("The guard does not judge until the window holds minSamples experiment requests", arguments: [3, 6])
    func waitsForSamples(minSamples: Int) {
        let service = ScriptedService(outcomes: Array(repeating: failed(), count: 20))
        let stop = StopCondition(minSamples: minSamples, minSuccessRate: 0.5, maxP99: .seconds(10))
        // Control requests in between must not count toward the experiment's samples.
        let traffic = (0..<10).flatMap { [Request(user: "e1", at: t(Double($0))), Request(user: "c1", at: t(Double($0) + 0.5))] }

        let report = makeExperiment(stop: stop, service: service).run(traffic)

        let expected = Verdict.aborted(at: t(Double(minSamples - 1)), .successRate(observed: 0, limit: 0.5))
        #expect(report.verdict == expected, "every experiment request fails, so the guard trips at the \(minSamples)th, at t+\(minSamples - 1): expected \(expected), got \(report.verdict)")
        #expect(report.experiment.requests == minSamples && report.control.requests == minSamples - 1, "served up to the breach: \(minSamples) experiment and \(minSamples - 1) control requests, but got \(report.experiment.requests) and \(report.control.requests)")
    }

    @Test("The guard aborts when the window's p99 exceeds its maximum", arguments: [100, 250])
    func abortsOnLatency(maximum: Int) {
        let service = ScriptedService(outcomes: [ok(maximum), ok(maximum), ok(maximum + 1), ok(10)])
        let stop = StopCondition(minSamples: 1, minSuccessRate: 0.5, maxP99: .milliseconds(maximum))

        let report = makeExperiment(stop: stop, service: service).run(requests("e1", count: 4))

        let expected = Verdict.aborted(at: t(2), .p99(observed: .milliseconds(maximum + 1), limit: .milliseconds(maximum)))
        #expect(report.verdict == expected, "a p99 of exactly \(maximum) ms holds, \(maximum + 1) ms at t+2 crosses it: expected \(expected), got \(report.verdict)")
    }

    @Test("A window crossing both bounds is reported as a success-rate breach")
    func successRateFirst() {
        let service = ScriptedService(outcomes: [ok(900), failed()])
        let stop = StopCondition(minSamples: 2, minSuccessRate: 0.75, maxP99: .milliseconds(100))

        let report = makeExperiment(stop: stop, service: service).run(requests("e1", count: 2))

        #expect(report.verdict == .aborted(at: t(1), .successRate(observed: 0.5, limit: 0.75)), "the success rate is checked first, but got \(report.verdict)")
    }

    @Test("Failures older than the window no longer count toward the guard", arguments: [(10.0, false), (60.0, true)])
    func oldFailuresLeave(window: Double, aborts: Bool) {
        // Six failures at t+0…5, then successes every second from t+10.
        let traffic = requests("e1", count: 6) + requests("e1", count: 20, from: 10) + requests("c1", count: 1, from: 40)
        let service = ScriptedService(outcomes: Array(repeating: failed(), count: 6))
        let stop = StopCondition(window: .seconds(window), minSamples: 10, minSuccessRate: 0.5, maxP99: .seconds(10))

        let report = makeExperiment(stop: stop, service: service).run(traffic)

        if aborts {
            // At t+13 the window holds the 6 failures and 4 successes: 10 samples, 0.4.
            #expect(report.verdict == .aborted(at: t(13), .successRate(observed: 0.4, limit: 0.5)), "with a 60 s window the failures are still counted when the 10th sample arrives; got \(report.verdict)")
        } else {
            #expect(report.experiment.requests == 26, "with a 10 s window the guard never sees 10 samples with the failures among them, so all 26 requests run, but the report counts \(report.experiment.requests)")
            #expect(report.verdict == .held, "nothing breached the lenient hypothesis, but the verdict was \(report.verdict)")
        }
    }

    @Test("The guard judges after every request, even when only old samples leave the window")
    func judgesAsWindowSlides() {
        let traffic = [
            Request(user: "e1", at: t(0)), Request(user: "e1", at: t(5)), Request(user: "e1", at: t(6)),
            Request(user: "e1", at: t(7)), Request(user: "c1", at: t(10)), Request(user: "c1", at: t(11)),
        ]
        let service = ScriptedService(outcomes: [ok(), ok(), failed(), failed()])
        let stop = StopCondition(window: .seconds(10), minSamples: 2, minSuccessRate: 0.5, maxP99: .seconds(10))

        let report = makeExperiment(stop: stop, service: service).run(traffic)

        // At t+7 the window holds 2 of 4 successes, which holds. At t+10 the success at t+0 leaves.
        let expected = Verdict.aborted(at: t(10), .successRate(observed: 1.0 / 3, limit: 0.5))
        #expect(report.verdict == expected, "when the t+0 success leaves the window at t+10 the rate falls to 1/3: expected \(expected), got \(report.verdict)")
        #expect(service.calls.count == 5, "the request at t+11 comes after the abort and is not served, but the service got \(service.calls.count) calls")
    }

    @Test("An aborted experiment stops injecting: no request after the breach is served")
    func abortStopsInjection() {
        let plan = lettersPlan([ScheduledFault(.error, from: t(0), until: t(100))])
        let service = ScriptedService()
        let stop = StopCondition(minSamples: 3, minSuccessRate: 0.9, maxP99: .seconds(10))
        let traffic = (0..<50).map { Request(user: $0.isMultiple(of: 2) ? "e1" : "c1", at: t(Double($0))) }

        let report = makeExperiment(plan: plan, stop: stop, service: service).run(traffic)

        #expect(report.verdict == .aborted(at: t(4), .successRate(observed: 0, limit: 0.9)), "the 3rd faulted experiment request, at t+4, trips the guard; got \(report.verdict)")
        #expect(service.calls.count == 5 && report.injectedFaults == 3, "5 requests served and 3 faults injected up to the abort, but got \(service.calls.count) and \(report.injectedFaults)")
    }
}

@Suite("The verdict")
struct VerdictTests {
    /// Eight experiment and eight control requests, with the given numbers of failures.
    func run(experimentFailures: Int, controlFailures: Int, hypothesis: Hypothesis) -> Report {
        let outcomes = (0..<8).map { $0 < experimentFailures ? failed() : ok() }
            + (0..<8).map { $0 < controlFailures ? failed() : ok() }
        let traffic = requests("e1", count: 8) + requests("c1", count: 8, from: 8)
        return makeExperiment(hypothesis: hypothesis, service: ScriptedService(outcomes: outcomes)).run(traffic)
    }

    @Test("Steady state holds while the success rate drops by at most the tolerance", arguments: [(0.25, 2), (0.125, 1)])
    func successRateTolerance(maxDrop: Double, tolerated: Int) {
        let hypothesis = Hypothesis(maxSuccessRateDrop: maxDrop, maxP99Increase: .zero, minSamples: 8)

        let held = run(experimentFailures: tolerated, controlFailures: 0, hypothesis: hypothesis)
        #expect(held.experiment.requests == 8 && held.control.requests == 8, "8 requests per group, but got \(held.experiment.requests) and \(held.control.requests)")
        #expect(held.verdict == .held, "a drop of exactly \(maxDrop) is within the tolerance, but the verdict was \(held.verdict)")

        let refuted = run(experimentFailures: tolerated + 1, controlFailures: 0, hypothesis: hypothesis)
        let expected = Verdict.refuted([.successRate(observed: Double(7 - tolerated) / 8, limit: 1 - maxDrop)])
        #expect(refuted.verdict == expected, "one more failure drops the rate below 1 - \(maxDrop): expected \(expected), got \(refuted.verdict)")
    }

    @Test("The tolerance is measured from control's success rate, not from 100 %")
    func relativeToControl() {
        let hypothesis = Hypothesis(maxSuccessRateDrop: 0.25, maxP99Increase: .zero, minSamples: 8)

        let held = run(experimentFailures: 3, controlFailures: 1, hypothesis: hypothesis)
        #expect(held.verdict == .held, "control at 0.875 and the experiment at 0.625 differ by exactly the tolerance, but the verdict was \(held.verdict)")

        let refuted = run(experimentFailures: 3, controlFailures: 0, hypothesis: hypothesis)
        #expect(refuted.verdict == .refuted([.successRate(observed: 0.625, limit: 0.75)]), "against a perfect control 0.625 is too low, but the verdict was \(refuted.verdict)")
    }

    @Test("Steady state is refuted when p99 rises by more than the allowance", arguments: [30, 80])
    func latencyAllowance(increase: Int) {
        let hypothesis = Hypothesis(maxSuccessRateDrop: 0, maxP99Increase: .milliseconds(increase), minSamples: 4)
        func report(experimentLatency: Int) -> Report {
            let outcomes = Array(repeating: ok(experimentLatency), count: 4) + Array(repeating: ok(20), count: 4)
            let traffic = requests("e1", count: 4) + requests("c1", count: 4, from: 4)
            return makeExperiment(hypothesis: hypothesis, service: ScriptedService(outcomes: outcomes)).run(traffic)
        }

        let held = report(experimentLatency: 20 + increase)
        #expect(held.verdict == .held, "a p99 exactly \(increase) ms above control's 20 ms is allowed, but the verdict was \(held.verdict)")
        let refuted = report(experimentLatency: 21 + increase)
        let expected = Verdict.refuted([.p99(observed: .milliseconds(21 + increase), limit: .milliseconds(20 + increase))])
        #expect(refuted.verdict == expected, "1 ms more is over the allowance: expected \(expected), got \(refuted.verdict)")
    }

    @Test("Both breaches are reported, the success rate first")
    func bothBreaches() {
        let hypothesis = Hypothesis(maxSuccessRateDrop: 0, maxP99Increase: .milliseconds(10), minSamples: 2)
        let outcomes = [ok(500), failed(), ok(20), ok(20)]
        let traffic = requests("e1", count: 2) + requests("c1", count: 2, from: 2)

        let report = makeExperiment(hypothesis: hypothesis, service: ScriptedService(outcomes: outcomes)).run(traffic)

        let expected = Verdict.refuted([.successRate(observed: 0.5, limit: 1), .p99(observed: .milliseconds(500), limit: .milliseconds(30))])
        #expect(report.verdict == expected, "expected \(expected), got \(report.verdict)")
    }

    @Test("With fewer than minSamples requests in either group the verdict is inconclusive", arguments: [5, 9])
    func tooFewSamples(minSamples: Int) {
        let hypothesis = Hypothesis(maxSuccessRateDrop: 0, maxP99Increase: .zero, minSamples: minSamples)
        func report(experiment: Int, control: Int) -> Report {
            let traffic = requests("e1", count: experiment) + requests("c1", count: control, from: 100)
            return makeExperiment(hypothesis: hypothesis, service: ScriptedService()).run(traffic)
        }

        let enough = report(experiment: minSamples, control: minSamples)
        #expect(enough.verdict == .held, "\(minSamples) requests per group are enough to judge, but the verdict was \(enough.verdict)")
        let fewExperiment = report(experiment: minSamples - 1, control: minSamples)
        #expect(fewExperiment.experiment.requests == minSamples - 1, "the report should count \(minSamples - 1) experiment requests, but counts \(fewExperiment.experiment.requests)")
        #expect(fewExperiment.verdict == .inconclusive, "\(minSamples - 1) experiment requests prove nothing, but the verdict was \(fewExperiment.verdict)")
        let fewControl = report(experiment: minSamples, control: minSamples - 1)
        #expect(fewControl.verdict == .inconclusive, "\(minSamples - 1) control requests prove nothing, but the verdict was \(fewControl.verdict)")
    }
}
