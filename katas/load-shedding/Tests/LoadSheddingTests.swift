import KataHarness
import LoadSheddingKata
import Testing

func makeShedder(
    _ policy: AIMDPolicy = AIMDPolicy(), shares: PriorityShares = .standard
) -> (LoadShedder, VirtualClock) {
    let clock = VirtualClock()
    return (LoadShedder(policy: policy, shares: shares, clock: clock), clock)
}

extension Admission {
    var permit: Permit? {
        if case .admitted(let permit) = self { permit } else { nil }
    }
}

/// A deadline an hour in: no test runs the clock that far.
let farDeadline = VirtualClock.Instant(offset: .seconds(3600))

extension LoadShedder {
    /// Admits `priority` until it is shed; returns the permits held.
    func fill(_ priority: Priority, deadline: VirtualClock.Instant) -> [Permit] {
        var held: [Permit] = []
        while held.count <= 1000, let permit = admit(priority, deadline: deadline).permit {
            held.append(permit)
        }
        return held
    }

    /// One call to a dependency that answers after `latency`, failing if `fails`.
    @discardableResult
    func callOnce(
        _ priority: Priority = .criticalPlus, clock: VirtualClock, latency: Duration = .milliseconds(10),
        fails: Bool = false
    ) -> Result<Int, LoadSheddingError> {
        let step: ScriptedDependency<Int>.Step = fails ? .fail(.serverError(code: 503), after: latency) : .respond(1, after: latency)
        let dependency = ScriptedDependency(clock: clock, script: [], then: step)
        return Result { () throws(LoadSheddingError) in try call(priority, deadline: clock.now + .seconds(60), dependency) }
    }
}

@Suite("Admission by priority")
struct AdmissionTests {
    @Test("A fresh shedder admits exactly its initial limit of critical-plus requests, then sheds")
    func admitsUpToInitialLimit() {
        for initial in [10, 4] {
            let (shedder, _) = makeShedder(AIMDPolicy(initialLimit: initial))
            let held = shedder.fill(.criticalPlus, deadline: farDeadline)

            #expect(held.count == initial, "with a limit of \(initial) exactly \(initial) critical-plus requests fit, but \(held.count) were admitted")
            #expect(shedder.inFlight == initial, "every admitted request is in flight, but inFlight is \(shedder.inFlight)")
            #expect(shedder.admit(.criticalPlus, deadline: farDeadline) == .shed(.overLimit),
                    "the limit is full, so the next request should be shed as over the limit")
            #expect(shedder.limit == initial, "admitting alone must not move the limit, but it is \(shedder.limit)")
        }
    }

    @Test("Each priority fills only its share of the limit, so the lowest is shed first")
    func lowestShedFirst() {
        let (shedder, _) = makeShedder()
        let expected: [(Priority, Int)] = [(.sheddable, 6), (.sheddablePlus, 8), (.critical, 9), (.criticalPlus, 10)]
        for (priority, allowance) in expected {
            #expect(shedder.allowance(for: priority) == allowance,
                    "at limit 10 \(priority) may fill floor(10 × share) = \(allowance), but allowance is \(shedder.allowance(for: priority))")
        }

        var admitted: [Priority: Int] = [:]
        for (priority, _) in expected {
            admitted[priority] = shedder.fill(priority, deadline: farDeadline).count
        }

        #expect(admitted == [.sheddable: 6, .sheddablePlus: 2, .critical: 1, .criticalPlus: 1],
                "filling lowest first, each class should top up to its allowance (6, then 8, 9, 10 in flight), but admitted \(admitted)")
        #expect(shedder.shedCounts == [.sheddable: 1, .sheddablePlus: 1, .critical: 1, .criticalPlus: 1],
                "each fill ends with one shed request of its class, but shedCounts is \(shedder.shedCounts)")
        #expect(shedder.inFlight == 10, "the whole limit is in use, but inFlight is \(shedder.inFlight)")
    }

    @Test("The shares are configurable and apply to the current limit")
    func customShares() {
        let shares = PriorityShares(shares: [.sheddable: 0.25, .sheddablePlus: 0.5, .critical: 0.75, .criticalPlus: 1])
        let (shedder, _) = makeShedder(AIMDPolicy(initialLimit: 20), shares: shares)

        let allowances = Priority.allCases.map { shedder.allowance(for: $0) }
        let sheddable = shedder.fill(.sheddable, deadline: farDeadline).count

        #expect(allowances == [5, 10, 15, 20], "at limit 20 the shares 0.25, 0.5, 0.75, 1 allow 5, 10, 15, 20, but got \(allowances)")
        #expect(sheddable == 5, "sheddable may fill a quarter of 20, but \(sheddable) were admitted")
    }

    @Test("A request whose deadline has passed is shed without being run, whatever its priority")
    func expiredDeadline() {
        let (shedder, clock) = makeShedder()
        clock.advance(by: .seconds(1))
        let dependency = ScriptedDependency<Int>(clock: clock, script: [], then: .respond(1))

        let atDeadline = shedder.admit(.criticalPlus, deadline: clock.now)
        let thrown = Result { () throws(LoadSheddingError) in try shedder.call(.critical, deadline: clock.now - .milliseconds(1), dependency) }
        let justInTime = shedder.admit(.criticalPlus, deadline: clock.now + .nanoseconds(1))

        #expect(atDeadline == .shed(.deadlineExpired), "a deadline equal to now has passed, so the request should be shed, but got \(atDeadline)")
        #expect(thrown.failure == .shed(.deadlineExpired), "call with a past deadline should throw shed(deadlineExpired), but gave \(thrown)")
        #expect(dependency.calls.isEmpty, "an expired request must not reach the dependency, but it was called \(dependency.calls.count) times")
        #expect(justInTime.permit != nil, "a deadline 1 ns away has not passed and there is capacity, so it should be admitted, but got \(justInTime)")
        #expect(shedder.shedCounts == [.criticalPlus: 1, .critical: 1], "two expired requests were shed, but shedCounts is \(shedder.shedCounts)")
    }

    @Test("Shedding happens before any work starts: a shed call never reaches the dependency")
    func shedBeforeWork() {
        let (shedder, clock) = makeShedder(AIMDPolicy(initialLimit: 2))
        let held = shedder.fill(.criticalPlus, deadline: farDeadline)
        let dependency = ScriptedDependency<Int>(clock: clock, script: [], then: .respond(7, after: .seconds(1)))

        let result = Result { () throws(LoadSheddingError) in try shedder.call(.criticalPlus, deadline: clock.now + .seconds(9), dependency) }

        #expect(held.count == 2, "a limit of 2 should admit 2 requests, but admitted \(held.count)")
        #expect(result.failure == .shed(.overLimit), "the limit is full, so call should throw shed(overLimit), but gave \(result)")
        #expect(dependency.calls.isEmpty, "a shed request must not start any work, but the dependency was called \(dependency.calls.count) times")
        #expect(shedder.inFlight == 2, "the shed call must not count as in flight, but inFlight is \(shedder.inFlight)")
    }

    @Test("An admitted call runs the dependency once and leaves nothing in flight, success or failure")
    func callCompletes() {
        let (shedder, clock) = makeShedder()

        let success = shedder.callOnce(clock: clock)
        let failure = shedder.callOnce(clock: clock, fails: true)

        #expect(success.success == 1, "an admitted call should return the dependency's answer, but gave \(success)")
        #expect(failure.failure == .failed(.serverError(code: 503)), "a failing dependency should surface as failed(503), but gave \(failure)")
        #expect(shedder.inFlight == 0, "both calls have completed, but inFlight is \(shedder.inFlight)")
        #expect(shedder.shedCounts.isEmpty, "nothing was shed, but shedCounts is \(shedder.shedCounts)")
    }
}

@Suite("The AIMD limit")
struct AIMDTests {
    @Test("A success raises the limit by one only if it started with the server at least half full")
    func additiveIncrease() throws {
        let (shedder, _) = makeShedder()
        let held = shedder.fill(.criticalPlus, deadline: farDeadline)
        try #require(held.count == 10, "a limit of 10 should admit 10 requests, but admitted \(held.count)")

        shedder.complete(held[3], failed: false)        // started as the 4th in flight: 4 × 2 < 10
        #expect(shedder.limit == 10, "a success that started with 4 of 10 in flight must not raise the limit, but it is \(shedder.limit)")
        shedder.complete(held[4], failed: false)        // started as the 5th: 5 × 2 ≥ 10
        #expect(shedder.limit == 11, "a success that started with 5 of 10 in flight should raise the limit to 11, but it is \(shedder.limit)")
        shedder.complete(held[5], failed: false)        // 6 × 2 ≥ 11
        #expect(shedder.limit == 12, "the 6th-in-flight success should raise 11 to 12, but the limit is \(shedder.limit)")
        #expect(shedder.inFlight == 7, "three of ten completed, so 7 are in flight, but inFlight is \(shedder.inFlight)")
    }

    @Test("The limit never grows past maxLimit")
    func capsAtMax() throws {
        let (shedder, _) = makeShedder(AIMDPolicy(initialLimit: 4, maxLimit: 5))
        let held = shedder.fill(.criticalPlus, deadline: farDeadline)
        try #require(held.count == 4, "a limit of 4 should admit 4 requests, but admitted \(held.count)")

        for permit in held.suffix(2) { shedder.complete(permit, failed: false) }   // 3 × 2 ≥ 4, 4 × 2 ≥ 5

        #expect(shedder.limit == 5, "two increases from 4 with maxLimit 5 should stop at 5, but the limit is \(shedder.limit)")
    }

    @Test("Each failure multiplies the limit by the back-off ratio, rounding down, never below 1")
    func multiplicativeDecrease() {
        let (shedder, clock) = makeShedder(AIMDPolicy(initialLimit: 20))
        var limits: [Int] = []
        for _ in 0..<15 {
            shedder.callOnce(clock: clock, fails: true)
            limits.append(shedder.limit)
        }

        #expect(limits == [18, 16, 14, 12, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1],
                "from 20, each failure should give floor(limit × 0.9) down to 1, but the limits were \(limits)")
    }

    @Test("The back-off ratio is configurable")
    func customRatio() {
        let (shedder, clock) = makeShedder(AIMDPolicy(initialLimit: 20, backoffRatio: 0.5))
        var limits: [Int] = []
        for _ in 0..<3 {
            shedder.callOnce(clock: clock, fails: true)
            limits.append(shedder.limit)
        }

        #expect(limits == [10, 5, 2], "halving from 20 should give 10, 5, 2, but the limits were \(limits)")
    }

    @Test("A response slower than the latency threshold is a drop; one exactly at it is not", arguments: [5, 1])
    func latencyThreshold(seconds: Int) {
        let policy = AIMDPolicy(initialLimit: 2, latencyThreshold: .seconds(seconds))
        let (atThreshold, clockA) = makeShedder(policy)
        let (overThreshold, clockB) = makeShedder(policy)

        let a = atThreshold.callOnce(clock: clockA, latency: .seconds(seconds))
        let b = overThreshold.callOnce(clock: clockB, latency: .seconds(seconds) + .milliseconds(1))

        #expect(a.success == 1 && b.success == 1, "both slow calls still succeed for the caller, but gave \(a) and \(b)")
        #expect(atThreshold.limit == 3,
                "a success in exactly \(seconds) s, started with 1 of 2 in flight, should raise the limit to 3, but it is \(atThreshold.limit)")
        #expect(overThreshold.limit == 1,
                "a success 1 ms over the \(seconds) s threshold is a drop and should take the limit from 2 to 1, but it is \(overThreshold.limit)")
    }

    @Test("Sequential successes raise the limit to 3 and no further: it grows only while it is used")
    func growsOnlyWhenUsed() {
        let (shedder, clock) = makeShedder(AIMDPolicy(initialLimit: 1))
        var limits: [Int] = []
        for _ in 0..<5 {
            shedder.callOnce(clock: clock)
            limits.append(shedder.limit)
        }

        #expect(limits == [2, 3, 3, 3, 3],
                "one request at a time is half of 1 and of 2 but not of 3, so the limit should go 2, 3 and stay, but went \(limits)")
    }

    @Test("After a slowdown only critical-plus work is admitted, until successes raise the limit again")
    func slowdownShedsAllButTheTop() {
        let (shedder, clock) = makeShedder()
        for _ in 0..<9 { shedder.callOnce(clock: clock, latency: .seconds(6)) }
        #expect(shedder.limit == 1, "nine slow responses should take the limit from 10 down to 1, but it is \(shedder.limit)")

        let lower = [Priority.sheddable, .sheddablePlus, .critical].map { shedder.callOnce($0, clock: clock) }
        #expect(lower.allSatisfy { $0.failure == .shed(.overLimit) },
                "at limit 1 every class below critical-plus has an allowance of 0 and should be shed, but got \(lower)")

        shedder.callOnce(.criticalPlus, clock: clock)
        let recovered = shedder.callOnce(.sheddable, clock: clock)
        #expect(recovered.success == 1, "one fast success raised the limit to 2, so sheddable (floor(1.2) = 1) fits again, but got \(recovered)")
        #expect(shedder.shedCounts == [.sheddable: 1, .sheddablePlus: 1, .critical: 1],
                "one request of each lower class was shed, but shedCounts is \(shedder.shedCounts)")
    }

    @Test("Completing a permit twice changes nothing the second time")
    func completeTwice() throws {
        let (shedder, _) = makeShedder()
        let held = shedder.fill(.criticalPlus, deadline: farDeadline)
        try #require(held.count == 10, "a limit of 10 should admit 10 requests, but admitted \(held.count)")

        shedder.complete(held[9], failed: false)
        shedder.complete(held[9], failed: false)
        shedder.complete(held[9], failed: true)

        #expect(shedder.limit == 11, "only the first completion counts: one success, limit 11, but it is \(shedder.limit)")
        #expect(shedder.inFlight == 9, "one request completed, so 9 are in flight, but inFlight is \(shedder.inFlight)")
    }

    @Test("A completed permit stays completed even when a new request is admitted in its place")
    func permitsAreDistinct() throws {
        let (shedder, _) = makeShedder()
        let first = try #require(shedder.admit(.criticalPlus, deadline: farDeadline).permit, "an idle shedder should admit")
        shedder.complete(first, failed: false)
        let second = try #require(shedder.admit(.criticalPlus, deadline: farDeadline).permit, "an idle shedder should admit again")

        shedder.complete(first, failed: true)

        #expect(first != second, "two admissions are two permits, even at the same instant and load")
        #expect(shedder.inFlight == 1 && shedder.limit == 10,
                "completing the old permit again must not end the new request or count a drop, but inFlight is \(shedder.inFlight), limit \(shedder.limit)")
    }
}

extension Result {
    var success: Success? {
        if case .success(let value) = self { value } else { nil }
    }

    var failure: Failure? {
        if case .failure(let error) = self { error } else { nil }
    }
}
