import KataHarness
import Testing
import TimeoutKata

// A fake remote service on the virtual clock. Each request takes the next scripted step (the
// last step repeats); the fake records the budget each request carried and whether it was
// cancelled.
final class FakeService: Downstream {
    enum Step {
        case respond(String, after: Duration)
        case fail(InjectedFault, after: Duration)
    }

    final class Request: PendingReply {
        let clock: VirtualClock
        let step: Step
        let sentAt: VirtualClock.Instant
        let budget: Duration
        private(set) var cancelled = false

        init(clock: VirtualClock, step: Step, budget: Duration) {
            self.clock = clock
            self.step = step
            self.sentAt = clock.now
            self.budget = budget
        }

        var readyAt: VirtualClock.Instant {
            switch step {
            case .respond(_, let after), .fail(_, let after): sentAt + after
            }
        }

        func wait(upTo limit: Duration) throws(InjectedFault) -> String? {
            guard readyAt <= clock.now + limit else {
                clock.advance(by: limit)
                return nil
            }
            clock.advance(to: readyAt)
            switch step {
            case .respond(let value, _): return value
            case .fail(let fault, _): throw fault
            }
        }

        func cancel() {
            cancelled = true
        }
    }

    let clock: VirtualClock
    private var script: [Step]
    private(set) var requests: [Request] = []

    init(clock: VirtualClock, _ script: Step...) {
        self.clock = clock
        self.script = script
    }

    func send(budget: Duration) -> any PendingReply {
        let step = script.count > 1 ? script.removeFirst() : script[0]
        let request = Request(clock: clock, step: step, budget: budget)
        requests.append(request)
        return request
    }
}

extension Duration {
    static func ms(_ value: Int) -> Duration { .milliseconds(value) }
}

/// The virtual time elapsed since the clock started.
func elapsed(_ clock: VirtualClock) -> Duration { clock.now.offset }

@Suite("Timeout")
struct TimeoutTests {
    @Test("A reply that arrives within the timeout is returned as soon as it arrives")
    func fastReply() throws {
        let clock = VirtualClock()
        let service = FakeService(clock: clock, .respond("ok", after: .ms(50)))
        let caller = TimeoutCaller(clock: clock, attemptTimeout: .ms(100))

        let reply = try caller.call(service, within: .after(.seconds(10), on: clock))

        #expect(reply == "ok", "a reply that came after 50 ms with a 100 ms timeout should be returned, got \(reply)")
        #expect(service.requests.count == 1, "one call should send exactly one request, but \(service.requests.count) were sent")
        #expect(elapsed(clock) == .ms(50), "the call should return when the reply arrives (t+50ms), but it returned at \(clock.now)")
        #expect(service.requests.first?.cancelled == false, "a request that answered in time must not be cancelled")
    }

    @Test("A slow call gives up when the timeout passes, not when the reply would arrive")
    func slowReplyTimesOut() {
        let clock = VirtualClock()
        let service = FakeService(clock: clock, .respond("late", after: .seconds(5)))
        let caller = TimeoutCaller(clock: clock, attemptTimeout: .ms(100))

        #expect(throws: TimeoutError.timedOut(after: .ms(100)),
                "a reply 5 s away with a 100 ms timeout should end in .timedOut(after: 100ms)") {
            try caller.call(service, within: .after(.seconds(10), on: clock))
        }
        #expect(elapsed(clock) == .ms(100), "the caller should stop waiting at t+100ms, but the clock is at \(clock.now)")
    }

    @Test("An abandoned call is cancelled so the server stops working on it")
    func abandonedCallIsCancelled() {
        let clock = VirtualClock()
        let service = FakeService(clock: clock, .respond("late", after: .seconds(5)))
        let caller = TimeoutCaller(clock: clock, attemptTimeout: .ms(100))

        _ = try? caller.call(service, within: .after(.seconds(10), on: clock))

        #expect(service.requests.count == 1, "expected one request, but \(service.requests.count) were sent")
        #expect(service.requests.first?.cancelled == true,
                "after timing out the request was left running on the server: call cancel() on the pending reply")
    }

    @Test("A failure that arrives in time is reported as .failed, not as a timeout")
    func failureIsNotATimeout() {
        let clock = VirtualClock()
        let service = FakeService(clock: clock, .fail(.connectionReset, after: .ms(10)))
        let caller = TimeoutCaller(clock: clock, attemptTimeout: .ms(100))

        #expect(throws: TimeoutError.failed(.connectionReset),
                "a connection reset after 10 ms should surface as .failed(.connectionReset)") {
            try caller.call(service, within: .after(.seconds(10), on: clock))
        }
        #expect(elapsed(clock) == .ms(10), "the failure arrived at t+10ms, but the call returned at \(clock.now)")
    }

    @Test("Deadline.remaining counts down and never goes below zero")
    func remainingIsClamped() {
        let clock = VirtualClock()
        let deadline = Deadline.after(.ms(300), on: clock)

        #expect(deadline.remaining(on: clock) == .ms(300), "a fresh 300 ms deadline should have 300 ms left, got \(deadline.remaining(on: clock))")
        clock.advance(by: .ms(250))
        #expect(deadline.remaining(on: clock) == .ms(50), "250 ms into a 300 ms deadline 50 ms should be left, got \(deadline.remaining(on: clock))")
        clock.advance(by: .ms(250))
        #expect(deadline.remaining(on: clock) == .zero,
                "200 ms past the deadline remaining should be .zero, not \(deadline.remaining(on: clock))")
    }

    @Test("The request carries the remaining budget, not the full attempt timeout")
    func budgetIsPropagated() throws {
        let clock = VirtualClock()
        let service = FakeService(clock: clock, .respond("ok", after: .ms(10)))
        let caller = TimeoutCaller(clock: clock, attemptTimeout: .ms(100))
        let deadline = Deadline.after(.ms(300), on: clock)

        _ = try caller.call(service, within: deadline)   // plenty left: the attempt timeout rules
        clock.advance(by: .ms(250))                        // now 40 ms of the deadline are left
        _ = try caller.call(service, within: deadline)

        let budgets = service.requests.map(\.budget)
        #expect(budgets.first == .ms(100), "with 300 ms left the budget sent should be the 100 ms attempt timeout, got \(budgets)")
        #expect(budgets.last == .ms(40),
                "with 40 ms left before the deadline the request should carry a 40 ms budget, but it carried \(budgets.last.map(String.init(describing:)) ?? "nothing")")
    }

    @Test("The wait is cut short by the overall deadline")
    func waitIsCappedByDeadline() {
        let clock = VirtualClock()
        let service = FakeService(clock: clock, .respond("late", after: .ms(500)))
        let caller = TimeoutCaller(clock: clock, attemptTimeout: .seconds(1))

        #expect(throws: TimeoutError.timedOut(after: .ms(200)),
                "with 200 ms to the deadline and a 1 s attempt timeout the attempt should time out after 200 ms") {
            try caller.call(service, within: .after(.ms(200), on: clock))
        }
        #expect(elapsed(clock) == .ms(200), "the caller should give up at the deadline (t+200ms), but it waited until \(clock.now)")
    }

    @Test("An expired deadline fails fast without sending a request")
    func expiredDeadlineSendsNothing() {
        let clock = VirtualClock()
        let service = FakeService(clock: clock, .respond("ok", after: .ms(10)))
        let caller = TimeoutCaller(clock: clock, attemptTimeout: .ms(100))
        let deadline = Deadline.after(.ms(50), on: clock)
        let first = try? caller.call(service, within: deadline)
        #expect(first == "ok", "with 50 ms left a reply after 10 ms should be returned, but the call gave \(String(describing: first))")
        clock.advance(by: .ms(40))          // t = 50 ms: exactly at the deadline, nothing is left

        #expect(throws: TimeoutError.deadlineExceeded, "a call at exactly its deadline has no budget and should throw .deadlineExceeded") {
            try caller.call(service, within: deadline)
        }
        clock.advance(by: .ms(30))          // t = 80 ms: past it
        #expect(throws: TimeoutError.deadlineExceeded, "a call after its deadline should throw .deadlineExceeded") {
            try caller.call(service, within: deadline)
        }
        #expect(service.requests.count == 1,
                "no request should be sent once the deadline is reached, but \(service.requests.count - 1) went out after the first")
        #expect(elapsed(clock) == .ms(80), "failing fast should not wait, but the clock moved to \(clock.now)")
    }

    @Test("Retries share one deadline: together they never outlast it")
    func retriesShareTheDeadline() {
        let clock = VirtualClock()
        let service = FakeService(clock: clock, .respond("late", after: .seconds(5)))
        let caller = TimeoutCaller(clock: clock, attemptTimeout: .ms(400))

        #expect(throws: TimeoutError.deadlineExceeded,
                "when the deadline runs out before the attempts do, the result should be .deadlineExceeded") {
            try caller.callRetrying(service, attempts: 5, within: .after(.seconds(1), on: clock))
        }
        let budgets = service.requests.map(\.budget)
        #expect(budgets == [.ms(400), .ms(400), .ms(200)],
                "a 1 s deadline with 400 ms attempts allows 400 + 400 + 200 ms, but the requests carried \(budgets)")
        #expect(elapsed(clock) == .seconds(1), "all attempts together should stop at the 1 s deadline, but they ran until \(clock.now)")
        #expect(service.requests.allSatisfy { $0.cancelled }, "every abandoned attempt should be cancelled")
    }

    @Test("A retry after a timeout can still succeed within the deadline")
    func retryAfterTimeoutSucceeds() throws {
        let clock = VirtualClock()
        let service = FakeService(clock: clock, .respond("late", after: .seconds(5)), .respond("ok", after: .ms(30)))
        let caller = TimeoutCaller(clock: clock, attemptTimeout: .ms(100))

        let reply = try caller.callRetrying(service, attempts: 3, within: .after(.seconds(1), on: clock))

        #expect(reply == "ok", "the second attempt answered in 30 ms, so callRetrying should return its reply, got \(reply)")
        #expect(service.requests.count == 2, "one timeout then one success is two requests, but \(service.requests.count) were sent")
        #expect(elapsed(clock) == .ms(130), "100 ms timeout + 30 ms reply should end at t+130ms, not \(clock.now)")
    }

    @Test("Retrying stops after the given number of attempts and reports the last error")
    func retryingStopsAfterAttempts() {
        let clock = VirtualClock()
        let service = FakeService(clock: clock, .fail(.serverError(code: 503), after: .ms(10)))
        let caller = TimeoutCaller(clock: clock, attemptTimeout: .ms(100))

        #expect(throws: TimeoutError.failed(.serverError(code: 503)),
                "when every attempt fails the last failure should be thrown") {
            try caller.callRetrying(service, attempts: 3, within: .after(.seconds(10), on: clock))
        }
        #expect(service.requests.count == 3, "attempts: 3 should send exactly 3 requests, but \(service.requests.count) were sent")
    }

    @Test("Zero or a negative number of attempts sends nothing")
    func noAttempts() {
        let clock = VirtualClock()
        let service = FakeService(clock: clock, .respond("ok", after: .ms(10)))
        let caller = TimeoutCaller(clock: clock, attemptTimeout: .ms(100))
        let deadline = Deadline.after(.seconds(1), on: clock)

        for attempts in [0, -1] {
            #expect(throws: TimeoutError.deadlineExceeded, "callRetrying with \(attempts) attempts makes no attempt and should throw .deadlineExceeded") {
                try caller.callRetrying(service, attempts: attempts, within: deadline)
            }
        }
        #expect(service.requests.isEmpty, "no attempt was asked for, but \(service.requests.count) request(s) went out")
        let one = try? caller.callRetrying(service, attempts: 1, within: deadline)
        #expect(one == "ok" && service.requests.count == 1,
                "one attempt should send one request and return ok, but got \(String(describing: one)) after \(service.requests.count) request(s)")
    }
}
