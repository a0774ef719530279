import KataHarness
import Testing
import ThrottlingKata

/// A draw that is always sent while the probability is below 0.999, and one that is always
/// rejected while it is above 0.
private let alwaysSend = 0.999
private let alwaysReject = 0.0

/// Makes `count` attempts now, drawing `draw` each time; the backend accepts the first
/// `accepted` of those that are sent. Returns how many were sent.
@discardableResult
private func attempts(_ count: Int, accepted: Int = 0, draw: Double = alwaysSend, on throttle: AdaptiveThrottle) -> Int {
    var random = FixedRandom(unitValues: [draw])
    var sent = 0
    for _ in 0..<count where throttle.attempt(using: &random) {
        sent += 1
        if sent <= accepted { throttle.recordAccepted() }
    }
    return sent
}

private func expectProbability(
    _ throttle: AdaptiveThrottle, is expected: Double, _ why: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    let actual = throttle.rejectionProbability
    #expect(abs(actual - expected) < 1e-12, "rejection probability was \(actual), expected \(expected): \(why)", sourceLocation: sourceLocation)
}

@Suite("Throttling: client-side adaptive throttle")
struct AdaptiveThrottleTests {
    @Test("Attempts count as requests and backend acceptances as accepts")
    func countsRequestsAndAccepts() {
        let clock = VirtualClock()
        let throttle = AdaptiveThrottle(clock: clock)
        let sent = attempts(10, accepted: 7, on: throttle)

        #expect(sent == 10, "with 7 of 10 accepted nothing is throttled, yet only \(sent) of 10 were sent")
        #expect(throttle.requests == 10, "requests was \(throttle.requests) after 10 attempts, expected 10")
        #expect(throttle.accepts == 7, "accepts was \(throttle.accepts) after 7 acceptances, expected 7")
    }

    @Test("The rejection probability is max(0, (requests − K·accepts) / (requests + 1))")
    func rejectionFormula() {
        let clock = VirtualClock()
        let kTwo = AdaptiveThrottle(k: 2, clock: clock)
        attempts(10, accepted: 3, on: kTwo)
        expectProbability(kTwo, is: 4.0 / 11.0, "10 requests, 3 accepts, K = 2 give (10 − 6) / 11")

        let kThree = AdaptiveThrottle(k: 3, clock: clock)
        attempts(10, accepted: 3, on: kThree)
        expectProbability(kThree, is: 1.0 / 11.0, "10 requests, 3 accepts, K = 3 give (10 − 9) / 11")

        let kOneAndAHalf = AdaptiveThrottle(k: 1.5, clock: clock)
        attempts(10, accepted: 2, on: kOneAndAHalf)
        expectProbability(kOneAndAHalf, is: 7.0 / 11.0, "10 requests, 2 accepts, K = 1.5 give (10 − 3) / 11")

        let healthy = AdaptiveThrottle(k: 2, clock: clock)
        attempts(10, accepted: 6, on: healthy)
        expectProbability(healthy, is: 0, "10 requests, 6 accepts, K = 2 give a negative (10 − 12) / 11, and the probability is never below 0")
    }

    @Test("Throttling starts exactly when requests exceed K times accepts")
    func cutoffBoundary() {
        let clock = VirtualClock()
        let throttle = AdaptiveThrottle(clock: clock)
        attempts(10, accepted: 5, on: throttle)
        expectProbability(throttle, is: 0, "10 requests against 5 accepts is exactly K = 2 times: not yet throttling")
        attempts(1, on: throttle)
        expectProbability(throttle, is: 1.0 / 12.0, "one request past the cutoff gives (11 − 10) / 12")
        #expect(attempts(1, draw: alwaysReject, on: throttle) == 0, "an attempt drawing 0 against a probability of 1/12 was sent")
    }

    @Test("An attempt is rejected when its draw falls below the probability taken before it is counted")
    func drawAgainstProbability() {
        let clock = VirtualClock()
        let throttle = AdaptiveThrottle(clock: clock)
        attempts(5, accepted: 1, draw: alwaysSend, on: throttle)
        expectProbability(throttle, is: 0.5, "5 requests and 1 accept give (5 − 2) / 6")

        // p before each attempt: 1/2, then 4/7 ≈ 0.571, then 5/8 = 0.625.
        var random = FixedRandom(unitValues: [0.51, 0.56, 0.63])
        let decisions = (0..<3).map { _ in throttle.attempt(using: &random) }

        #expect(decisions == [true, false, true], "draws 0.51, 0.56, 0.63 against p = 1/2, 4/7, 5/8 should be sent, rejected, sent, but were \(decisions) (is p taken before the attempt is counted, and is a draw below p a rejection?)")
        #expect(throttle.requests == 8, "locally rejected attempts still count as requests: expected 8, got \(throttle.requests)")
        #expect(throttle.accepts == 1, "accepts changed to \(throttle.accepts) without any acceptance")
    }

    @Test("What is a whole window old is forgotten, exactly at the window's edge")
    func rollingWindow() {
        for window in [Duration.seconds(120), .seconds(30)] {
            let clock = VirtualClock()
            let throttle = AdaptiveThrottle(window: window, clock: clock)
            attempts(10, accepted: 1, on: throttle)
            clock.advance(by: window / 2)
            attempts(4, accepted: 4, on: throttle)
            expectProbability(throttle, is: 4.0 / 15.0, "14 requests and 5 accepts in a \(window) window give (14 − 10) / 15")

            clock.advance(by: window / 2 - .milliseconds(1))
            #expect(throttle.requests == 14, "1 ms before the first attempts are \(window) old the window held \(throttle.requests) requests, expected 14")
            clock.advance(by: .milliseconds(1))
            #expect(throttle.accepts == 4, "exactly \(window) after the first acceptance it must be forgotten: \(throttle.accepts) accepts left, expected 4")
            #expect(throttle.requests == 4, "exactly \(window) after the first attempts they must be forgotten: \(throttle.requests) requests left, expected 4")
            expectProbability(throttle, is: 0, "the 4 recent requests were all accepted")
        }
    }
}

@Suite("Throttling: the throttle against a real backend")
struct ThrottleScenarioTests {
    @Test("The defaults are the SRE book's: K = 2 over two minutes")
    func bookDefaults() {
        let clock = VirtualClock()
        let throttle = AdaptiveThrottle(clock: clock)
        attempts(7, accepted: 3, on: throttle)
        expectProbability(throttle, is: 1.0 / 8.0, "7 requests and 3 accepts with the default K = 2 give (7 − 6) / 8")

        clock.advance(by: .seconds(120) - .milliseconds(1))
        #expect(throttle.requests == 7, "the default window forgot requests before two minutes had passed")
        clock.advance(by: .milliseconds(1))
        #expect(throttle.requests == 0 && throttle.accepts == 0, "after two minutes the default window still held \(throttle.requests) requests and \(throttle.accepts) accepts")
    }

    @Test("When the backend rejects everything, the client sends only a trickle, and recovers after the window")
    func backendDown() {
        let clock = VirtualClock()
        let throttle = AdaptiveThrottle(clock: clock)
        var random = SeededRandom(seed: 21)
        var sent = 0
        for _ in 0..<1_000 {
            clock.advance(by: .milliseconds(100))
            if throttle.attempt(using: &random) { sent += 1 }
        }
        // With no accepts, p = n / (n + 1) after n attempts: about ln(1000) ≈ 7 get through.
        #expect(sent >= 2 && sent <= 20, "against a backend that accepts nothing, \(sent) of 1000 attempts were sent; expected a trickle of a few")
        #expect(throttle.requests == 1_000, "all 1000 attempts lie within the two-minute window, but requests was \(throttle.requests)")

        clock.advance(by: .seconds(120))
        #expect(throttle.rejectionProbability == 0, "two minutes after the outage the throttle still rejects with p = \(throttle.rejectionProbability), expected 0")
        #expect(attempts(1, draw: alwaysReject, on: throttle) == 1, "two minutes after the outage an attempt was still rejected")
    }

    @Test("In front of a quota, the throttle keeps the traffic that reaches the backend near K times what it accepts")
    func throttleMeetsQuota() {
        let clock = VirtualClock()
        let throttle = AdaptiveThrottle(clock: clock)
        let quota = TenantQuotas(defaultLimit: 2, period: .seconds(1), clock: clock)
        var random = SeededRandom(seed: 2016)
        var reachedBackend = 0
        var accepted = 0

        // 20 attempts a second for five minutes against a backend that takes 2 a second.
        for _ in 0..<6_000 {
            clock.advance(by: .milliseconds(50))
            // Count periods 180 s to 300 s: two minutes, once the window is in a steady state.
            let counting = clock.now.offset >= .seconds(180) && clock.now.offset < .seconds(300)
            guard throttle.attempt(using: &random) else { continue }
            if counting { reachedBackend += 1 }
            if quota.admit(tenant: "client") == .ok {
                throttle.recordAccepted()
                if counting { accepted += 1 }
            }
        }

        #expect(accepted > 200 && accepted <= 240, "the backend admits up to 2 a second, so at most 240 in two minutes, and with twice that offered nearly all of them; it accepted \(accepted)")
        let ratio = Double(reachedBackend) / Double(accepted)
        #expect(ratio > 1.8 && ratio < 2.2, "\(reachedBackend) requests reached the backend for \(accepted) accepted (ratio \(ratio)); the throttle should hold it near K = 2, not the unthrottled 10")
    }
}
