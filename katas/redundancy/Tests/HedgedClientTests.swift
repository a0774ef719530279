import KataHarness
import RedundancyKata
import Testing

@Suite("Hedged requests")
struct HedgedClientTests {
    @Test("A reply before the hedge delay wins alone: no hedge is sent")
    func fastReplyNoHedge() throws {
        let clock = VirtualClock()
        let a = replica("A", clock, .value("a", after: .ms(30)))
        let b = replica("B", clock, .value("b", after: .ms(1)))
        let client = HedgedClient(replicas: [a, b], maxAttempts: 2, tracker: fixedDelay(.ms(50)), clock: clock)

        let response = try client.get()

        #expect(response.value == "a" && response.replica == "A", "A answered in 30 ms and should win, got \(response.value) from \(response.replica)")
        #expect(response.attemptsSent == 1, "no hedge was needed, but attemptsSent is \(response.attemptsSent)")
        #expect(b.attempts.isEmpty, "B should not be asked when A answers before the 50 ms delay, but it got \(b.attempts.count) request(s)")
        #expect(clock.now == .ms(30), "get() should return when A's reply arrives (t+30 ms), but the clock is at \(clock.now)")
    }

    @Test("A reply arriving exactly at the hedge delay wins before the hedge is sent")
    func replyAtDelayBeatsHedge() throws {
        let clock = VirtualClock()
        let a = replica("A", clock, .value("a", after: .ms(50)))
        let b = replica("B", clock, .value("b", after: .ms(1)))
        let client = HedgedClient(replicas: [a, b], maxAttempts: 2, tracker: fixedDelay(.ms(50)), clock: clock)

        let response = try client.get()

        #expect(response.replica == "A" && response.attemptsSent == 1,
                "A's reply at exactly 50 ms should be handled before the 50 ms hedge, got \(response.replica) after \(response.attemptsSent) attempt(s)")
        #expect(b.attempts.isEmpty, "no hedge should go to B, but it got \(b.attempts.count) request(s)")
    }

    @Test("A slow replica is hedged after the delay; the first success wins and the loser is cancelled")
    func slowReplicaIsHedged() throws {
        let clock = VirtualClock()
        let a = replica("A", clock, .value("a", after: .ms(200)))
        let b = replica("B", clock, .value("b", after: .ms(30)))
        let client = HedgedClient(replicas: [a, b], maxAttempts: 2, tracker: fixedDelay(.ms(50)), clock: clock)

        let response = try client.get()

        #expect(sends(b) == [.ms(50)], "the hedge to B should go out at exactly the 50 ms delay, but B's sends are \(sends(b))")
        #expect(response.value == "b" && response.replica == "B", "B answers at 80 ms, before A's 200 ms, and should win; got \(response.value) from \(response.replica)")
        #expect(response.attemptsSent == 2, "one original and one hedge were sent, but attemptsSent is \(response.attemptsSent)")
        #expect(clock.now == .ms(80), "get() should return at B's arrival (t+80 ms), but the clock is at \(clock.now)")
        #expect(cancels(a) == [.ms(80)], "A's outstanding request should be cancelled when B wins at 80 ms, got \(cancels(a))")
        #expect(cancels(b) == [nil], "the winner must not be cancelled, got \(cancels(b))")
    }

    @Test("The original can still win after the hedge is sent, and then the hedge is cancelled")
    func originalWinsAfterHedge() throws {
        let clock = VirtualClock()
        let a = replica("A", clock, .value("a", after: .ms(70)))
        let b = replica("B", clock, .value("b", after: .ms(50)))
        let client = HedgedClient(replicas: [a, b], maxAttempts: 2, tracker: fixedDelay(.ms(50)), clock: clock)

        let response = try client.get()

        #expect(response.replica == "A", "A arrives at 70 ms, B at 100 ms: A should win, got \(response.replica)")
        #expect(sends(b) == [.ms(50)], "the hedge should still have gone out at 50 ms, but B's sends are \(sends(b))")
        #expect(cancels(b) == [.ms(70)], "B's hedge should be cancelled when A wins at 70 ms, got \(cancels(b))")
        #expect(clock.now == .ms(70), "get() should return at t+70 ms, but the clock is at \(clock.now)")
    }

    @Test("Further hedges go out one delay after the latest send, up to maxAttempts")
    func hedgesAreSpacedByTheDelay() throws {
        let clock = VirtualClock()
        let a = replica("A", clock, .value("a", after: .ms(500)))
        let b = replica("B", clock, .value("b", after: .ms(500)))
        let c = replica("C", clock, .value("c", after: .ms(10)))
        let d = replica("D", clock, .value("d", after: .ms(1)))
        let client = HedgedClient(replicas: [a, b, c, d], maxAttempts: 3, tracker: fixedDelay(.ms(40)), clock: clock)

        let response = try client.get()

        #expect(sends(b) == [.ms(40)] && sends(c) == [.ms(80)],
                "hedges should go out at 40 and 80 ms, but B was sent at \(sends(b)) and C at \(sends(c))")
        #expect(response.replica == "C" && clock.now == .ms(90), "C should win at 90 ms, got \(response.replica) at \(clock.now)")
        #expect(cancels(a) == [.ms(90)] && cancels(b) == [.ms(90)],
                "both losers should be cancelled at 90 ms, got A \(cancels(a)) and B \(cancels(b))")
        #expect(d.attempts.isEmpty, "maxAttempts is 3, so D must not be asked, but it got \(d.attempts.count) request(s)")
    }

    @Test("No more attempts are sent than maxAttempts or the replicas allow")
    func attemptLimit() throws {
        let clock = VirtualClock()
        let a = replica("A", clock, .value("a", after: .ms(300)))
        let b = replica("B", clock, .value("b", after: .ms(200)))
        let c = replica("C", clock, .value("c", after: .ms(10)))
        let limited = HedgedClient(replicas: [a, b, c], maxAttempts: 2, tracker: fixedDelay(.ms(40)), clock: clock)

        let first = try limited.get()
        #expect(first.replica == "B" && clock.now == .ms(240),
                "with maxAttempts 2, B (sent at 40 ms, 200 ms latency) should win at 240 ms; got \(first.replica) at \(clock.now)")
        #expect(c.attempts.isEmpty, "maxAttempts is 2, so C must not be asked, but it got \(c.attempts.count) request(s)")

        let start = clock.now
        let x = replica("X", clock, .value("x", after: .ms(300)))
        let y = replica("Y", clock, .value("y", after: .ms(300)))
        let generous = HedgedClient(replicas: [x, y], maxAttempts: 5, tracker: fixedDelay(.ms(40)), clock: clock)
        let second = try generous.get()
        #expect(second.replica == "X" && second.attemptsSent == 2 && clock.now == start + .ms(300),
                "with 2 replicas and maxAttempts 5, X should win at +300 ms after 2 attempts; got \(second.replica) after \(second.attemptsSent) at \(clock.now)")
    }

    @Test("A failed reply sends the next attempt at once, and the delay restarts from that send")
    func failureSendsNextAtOnce() throws {
        let clock = VirtualClock()
        let a = replica("A", clock, .failure(.connectionReset, after: .ms(20)))
        let b = replica("B", clock, .value("b", after: .ms(500)))
        let c = replica("C", clock, .value("c", after: .ms(30)))
        let client = HedgedClient(replicas: [a, b, c], maxAttempts: 3, tracker: fixedDelay(.ms(100)), clock: clock)

        let response = try client.get()

        #expect(sends(b) == [.ms(20)], "A failed at 20 ms, so B should be asked at once, not at the 100 ms delay; B's sends are \(sends(b))")
        #expect(sends(c) == [.ms(120)], "the next hedge is due 100 ms after the latest send (20 ms), at 120 ms; C's sends are \(sends(c))")
        #expect(response.replica == "C" && clock.now == .ms(150), "C should win at 150 ms, got \(response.replica) at \(clock.now)")
        #expect(cancels(a) == [nil], "A's reply had already arrived (a failure) and must not be cancelled, got \(cancels(a))")
        #expect(cancels(b) == [.ms(150)], "B should be cancelled at 150 ms, got \(cancels(b))")
    }

    @Test("When every attempt fails, the faults come back in arrival order")
    func allFail() {
        let clock = VirtualClock()
        let a = replica("A", clock, .failure(.connectionReset, after: .ms(100)))
        let b = replica("B", clock, .failure(.serverError(code: 503), after: .ms(20)))
        let c = replica("C", clock, .failure(.timedOut, after: .ms(5)))
        let client = HedgedClient(replicas: [a, b, c], maxAttempts: 3, tracker: fixedDelay(.ms(25)), clock: clock)

        // A at 0 (fails at 100), B at 25 (fails at 45), C at once after B's failure, 45 (fails at 50).
        #expect(throws: HedgeError.allFailed([.serverError(code: 503), .timedOut, .connectionReset]),
                "all three fail; the faults should come in arrival order: B's 503, C's time-out, A's reset") {
            try client.get()
        }
        #expect(sends(c) == [.ms(45)], "C should be sent when B fails at 45 ms, got \(sends(c))")
        #expect(clock.now == .ms(100), "get() should give up when the last reply (A's, at 100 ms) arrives, but the clock is at \(clock.now)")
    }

    @Test("Of two replies arriving at the same instant, the earlier-sent one wins")
    func tieGoesToEarlierSend() throws {
        let clock = VirtualClock()
        let a = replica("A", clock, .value("a", after: .ms(100)))
        let b = replica("B", clock, .value("b", after: .ms(50)))
        let client = HedgedClient(replicas: [a, b], maxAttempts: 2, tracker: fixedDelay(.ms(50)), clock: clock)

        let response = try client.get()

        #expect(response.replica == "A", "A and B both arrive at 100 ms; A was sent first and should win, got \(response.replica)")
    }

    @Test("The winner's latency, from its own send, feeds the next request's hedge delay; failures do not")
    func winningLatencyIsRecorded() throws {
        let clock = VirtualClock()
        let a = replica("A", clock, .value("a1", after: .ms(200)), .failure(.connectionReset, after: .ms(5)), .value("a3", after: .ms(900)))
        let b = replica("B", clock, .value("b1", after: .ms(30)), .value("b2", after: .ms(45)), .value("b3", after: .ms(10)))
        let tracker = LatencyTracker(percentile: 100, window: 10, minimumSamples: 1, initialDelay: .ms(50))
        let client = HedgedClient(replicas: [a, b], maxAttempts: 2, tracker: tracker, clock: clock)

        _ = try client.get()                 // B sent at 50, wins at 80: its latency is 30 ms
        #expect(client.tracker.samples == [.ms(30)],
                "B's reply took 30 ms from its own send (not 80 ms from the request's start); recorded: \(client.tracker.samples)")

        _ = try client.get()                 // A fails after 5 ms, B answers 45 ms later
        #expect(client.tracker.samples == [.ms(30), .ms(45)],
                "only the winner's 45 ms should be recorded, not A's failure; recorded: \(client.tracker.samples)")

        let start = clock.now
        _ = try client.get()                 // hedge delay is now the max of 30 and 45 ms
        #expect(b.attempts.last?.sentAt == start + .ms(45),
                "the third request should hedge after 45 ms, the p100 of what was recorded; B was sent at \(String(describing: b.attempts.last?.sentAt)), the request started at \(start)")
    }
}
