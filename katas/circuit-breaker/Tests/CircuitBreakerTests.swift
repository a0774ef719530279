import CircuitBreakerKata
import KataHarness
import Testing

extension Duration {
    static func ms(_ value: Int) -> Duration { .milliseconds(value) }
}

/// A breaker that trips after `threshold` consecutive failures and stays open for 30 s.
func makeBreaker(threshold: Int = 3, openFor: Duration = .seconds(30)) -> (CircuitBreaker, VirtualClock) {
    let clock = VirtualClock()
    return (CircuitBreaker(failureThreshold: threshold, openDuration: openFor, clock: clock), clock)
}

/// Reports `count` failures, each through a fresh `tryAcquire()`.
func fail(_ breaker: CircuitBreaker, times count: Int) {
    for _ in 0..<count where breaker.tryAcquire() {
        breaker.recordFailure()
    }
}

@Suite("Circuit breaker")
struct CircuitBreakerTests {
    @Test("A closed breaker passes calls through and returns their results")
    func closedPassesThrough() throws {
        let (breaker, clock) = makeBreaker()
        let dependency = ScriptedDependency(clock: clock, script: [.respond("a"), .fail(.connectionReset)], then: .respond("b"))

        let first = try breaker.call(dependency)
        #expect(first == "a", "a closed breaker should return the dependency's response, got \(first)")
        #expect(throws: CircuitBreakerError.failed(.connectionReset), "a failure should come back as .failed(fault)") {
            try breaker.call(dependency)
        }
        #expect(dependency.calls.count == 2, "both calls should reach the dependency, but it saw \(dependency.calls.count)")
        #expect(breaker.state == .closed, "one failure is below the threshold of 3, but the state is \(breaker.state)")
        fail(breaker, times: 2)
        #expect(breaker.state == .open,
                "the failure that came back through call(_:) and 2 more make 3 in a row, which should trip the breaker, but it is \(breaker.state)")
    }

    @Test("The breaker trips after failureThreshold consecutive failures")
    func tripsAtThreshold() {
        let (breaker, _) = makeBreaker(threshold: 3)

        fail(breaker, times: 2)
        #expect(breaker.state == .closed, "2 failures with a threshold of 3 should leave the breaker closed, but it is \(breaker.state)")
        fail(breaker, times: 1)
        #expect(breaker.state == .open, "the 3rd consecutive failure should trip the breaker, but it is \(breaker.state)")
    }

    @Test("A success resets the consecutive failure count")
    func successResetsCount() {
        let (breaker, _) = makeBreaker(threshold: 3)

        fail(breaker, times: 2)
        if breaker.tryAcquire() { breaker.recordSuccess() }
        fail(breaker, times: 2)

        #expect(breaker.state == .closed,
                "fail, fail, succeed, fail, fail is never 3 in a row, but the breaker is \(breaker.state): a success should reset the count")
        fail(breaker, times: 1)
        #expect(breaker.state == .open, "the 3rd failure after the success is 3 in a row and should trip the breaker, but it is \(breaker.state)")
    }

    @Test("A tripped breaker rejects calls without calling the dependency")
    func openRejects() {
        let (breaker, clock) = makeBreaker(threshold: 2)
        let dependency = ScriptedDependency<String>(clock: clock, script: [], then: .fail(.serverError(code: 503)))
        _ = try? breaker.call(dependency)
        _ = try? breaker.call(dependency)

        #expect(throws: CircuitBreakerError.open, "a call to an open breaker should throw .open") {
            try breaker.call(dependency)
        }
        #expect(dependency.calls.count == 2,
                "once open the breaker must not call the dependency, but it saw \(dependency.calls.count) calls instead of 2")
        #expect(breaker.tryAcquire() == false, "tryAcquire() should say no while the breaker is open")
    }

    @Test("After the open duration the breaker lets a probe through (half-open)")
    func halfOpensAfterOpenDuration() {
        let (breaker, clock) = makeBreaker(threshold: 1, openFor: .seconds(30))
        fail(breaker, times: 1)

        clock.advance(by: .seconds(30) - .ms(1))
        #expect(breaker.tryAcquire() == false, "1 ms before the open duration is over the breaker should still reject")
        clock.advance(by: .ms(1))
        #expect(breaker.tryAcquire() == true, "30 s after tripping the breaker should let a probe through, but it rejected it")
        #expect(breaker.state == .halfOpen, "letting the probe through should move the breaker to half-open, but it is \(breaker.state)")
    }

    @Test("Half-open admits exactly one probe at a time")
    func oneProbeOnly() {
        let (breaker, clock) = makeBreaker(threshold: 1, openFor: .seconds(30))
        fail(breaker, times: 1)
        clock.advance(by: .seconds(30))

        let admitted = (0..<5).filter { _ in breaker.tryAcquire() }.count

        #expect(admitted == 1, "half-open should let exactly one probe through, but \(admitted) of 5 callers got in")
    }

    @Test("A successful probe closes the breaker and forgets old failures")
    func successfulProbeCloses() {
        let (breaker, clock) = makeBreaker(threshold: 3, openFor: .seconds(30))
        fail(breaker, times: 3)
        #expect(breaker.state == .open, "3 failures in a row should trip the breaker, but it is \(breaker.state)")
        clock.advance(by: .seconds(30))

        #expect(breaker.tryAcquire(), "the probe should be admitted after the open duration")
        breaker.recordSuccess()
        #expect(breaker.state == .closed, "a successful probe should close the breaker, but it is \(breaker.state)")

        fail(breaker, times: 2)
        #expect(breaker.state == .closed,
                "after closing, 2 new failures are below the threshold of 3, but the breaker is \(breaker.state): the old failures still counted")
        fail(breaker, times: 1)
        #expect(breaker.state == .open, "a closed breaker should trip again on 3 new failures in a row, but it is \(breaker.state)")
    }

    @Test("A failed probe re-opens the breaker for a fresh open duration")
    func failedProbeReopens() {
        let (breaker, clock) = makeBreaker(threshold: 1, openFor: .seconds(30))
        fail(breaker, times: 1)
        clock.advance(by: .seconds(30))
        #expect(breaker.tryAcquire(), "the probe should be admitted after the open duration")
        clock.advance(by: .seconds(2))      // the probe takes 2 s to fail
        breaker.recordFailure()

        #expect(breaker.state == .open, "a failed probe should open the breaker again, but it is \(breaker.state)")
        clock.advance(by: .seconds(30) - .ms(1))
        #expect(breaker.tryAcquire() == false, "the new open period runs 30 s from the probe's failure, but a call got in 1 ms early")
        clock.advance(by: .ms(1))
        #expect(breaker.tryAcquire(), "30 s after the failed probe the next probe should be admitted")
    }

    @Test("Results reported while open do not extend the open period or close the breaker")
    func lateResultsWhileOpen() {
        let (breaker, clock) = makeBreaker(threshold: 2, openFor: .seconds(30))
        // Four callers get in while the breaker is closed; two fail and trip it.
        let admitted = (0..<4).filter { _ in breaker.tryAcquire() }.count
        #expect(admitted == 4, "a closed breaker should admit every caller, but only \(admitted) of 4 got in")
        breaker.recordFailure()
        breaker.recordFailure()

        clock.advance(by: .seconds(10))
        breaker.recordSuccess()             // a slow call admitted before the trip succeeds late
        #expect(breaker.state == .open, "a late success while open should not close the breaker, but it is \(breaker.state)")
        clock.advance(by: .seconds(10))
        breaker.recordFailure()             // another one fails late
        clock.advance(by: .seconds(10))     // 30 s after the trip

        #expect(breaker.tryAcquire(),
                "30 s after tripping a probe should be admitted; a late failure while open must not restart the open timer")
    }

    @Test("The open period starts when the breaker trips, not at the first failure")
    func timerStartsAtTrip() {
        let (breaker, clock) = makeBreaker(threshold: 3, openFor: .seconds(15))
        fail(breaker, times: 1)             // t = 0
        clock.advance(by: .seconds(10))
        fail(breaker, times: 1)             // t = 10 s
        clock.advance(by: .seconds(10))
        fail(breaker, times: 1)             // t = 20 s: trips

        clock.advance(by: .seconds(10))     // t = 30 s: 30 s after the first failure, 10 s after the trip
        #expect(breaker.tryAcquire() == false, "only 10 s of the 15 s open period have passed since the trip, but a call got in")
        clock.advance(by: .seconds(5))      // t = 35 s
        #expect(breaker.tryAcquire(), "15 s after the trip the probe should be admitted")
    }

    @Test("call(_:) records each outcome: a success resets the count, a successful probe closes")
    func callRecordsOutcomes() throws {
        let (breaker, clock) = makeBreaker(threshold: 3, openFor: .seconds(30))
        let dependency = ScriptedDependency(
            clock: clock,
            script: [.fail(.timedOut), .fail(.timedOut), .respond("ok"), .fail(.timedOut), .fail(.timedOut)],
            then: .respond("ok")
        )
        for _ in 0..<5 { _ = try? breaker.call(dependency) }
        #expect(breaker.state == .closed,
                "fail, fail, succeed, fail, fail through call(_:) is never 3 in a row, but the breaker is \(breaker.state): call must record the success")

        fail(breaker, times: 1)
        #expect(breaker.state == .open, "a 3rd failure in a row should trip the breaker, but it is \(breaker.state)")
        clock.advance(by: .seconds(30))
        let probe = try breaker.call(dependency)
        #expect(probe == "ok" && breaker.state == .closed,
                "a probe that succeeds through call(_:) should close the breaker, but it returned \(probe) and the breaker is \(breaker.state)")
    }
}
