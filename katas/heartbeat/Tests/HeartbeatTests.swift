import HeartbeatKata
import KataHarness
import Testing

// Expected φ values come from the standard normal upper tail Q(y) = 1 − Φ(y), as tabulated
// (Q(−1) = 0.8413447461, Q(1) = 0.1586552539, Q(2) = 0.0227501319, Q(3) = 0.0013498980), so
// φ = −log10 Q(y) is 0.0750260130, 0.7995455415, 1.6430160801 and 2.8696990359; at the mean,
// Q(0) = ½ and φ = log10 2 = 0.3010299957. Intervals are quarter-second multiples, so the window's
// mean and deviation are exact in floating point.

private let phiAtMean = 0.3010299956639812
private let phiOneDeviationEarly = 0.07502601295781802
private let phiOneDeviationLate = 0.7995455414919704
private let phiTwoDeviationsLate = 1.6430160801409368
private let phiThreeDeviationsLate = 2.8696990359293686

/// A detector whose mean is exactly the learned one (no pause), for checking the formula.
private func detector(
    threshold: Double = 8, maxSampleSize: Int = 1_000, minStdDeviation: Duration = .milliseconds(100),
    pause: Duration = .zero, estimate: Duration = .seconds(1), clock: VirtualClock
) -> PhiAccrualDetector {
    PhiAccrualDetector(
        settings: PhiAccrualSettings(
            threshold: threshold, maxSampleSize: maxSampleSize, minStdDeviation: minStdDeviation,
            acceptableHeartbeatPause: pause, firstHeartbeatEstimate: estimate
        ),
        clock: clock
    )
}

/// Advances the clock to `seconds` after its start and checks φ there.
private func expectPhi(
    _ detector: PhiAccrualDetector, clock: VirtualClock, at seconds: Double, is expected: Double,
    _ why: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    clock.advance(to: VirtualClock.Instant(offset: .seconds(seconds)))
    let phi = detector.phi
    #expect(
        abs(phi - expected) <= 1e-9 * max(1, expected),
        "at t = \(seconds) s φ was \(phi), expected \(expected): \(why)",
        sourceLocation: sourceLocation
    )
}

@Suite("Heartbeat: φ accrual failure detector")
struct PhiAccrualTests {
    @Test("A peer is available before its first heartbeat and suspected after one heartbeat and a long silence")
    func firstHeartbeatArmsTheDetector() {
        let clock = VirtualClock()
        let detector = PhiAccrualDetector(clock: clock)
        #expect(detector.phi == 0, "before any heartbeat φ was \(detector.phi), expected 0: nothing is known yet")
        #expect(detector.isAvailable, "a peer was suspected before it had sent a single heartbeat")

        detector.heartbeat()
        clock.advance(by: .seconds(30))

        #expect(detector.phi > 8, "30 s after the only heartbeat φ was \(detector.phi), expected far above the threshold of 8: does the first heartbeat seed the window?")
        #expect(!detector.isAvailable, "a peer silent for 30 s after its only heartbeat was still available")
    }

    @Test("The first heartbeat seeds the window with the estimate minus and plus a quarter of it")
    func firstHeartbeatSeedsWindow() {
        let clock = VirtualClock()
        let oneSecond = detector(estimate: .seconds(1), clock: clock)
        let twoSeconds = detector(estimate: .seconds(2), clock: clock)

        oneSecond.heartbeat()
        twoSeconds.heartbeat()

        #expect(oneSecond.intervals == [.milliseconds(750), .milliseconds(1_250)], "a 1 s estimate seeded \(oneSecond.intervals), expected [750 ms, 1250 ms] (mean 1 s, deviation 250 ms)")
        #expect(twoSeconds.intervals == [.milliseconds(1_500), .milliseconds(2_500)], "a 2 s estimate seeded \(twoSeconds.intervals), expected [1500 ms, 2500 ms]")
    }

    @Test("Each later heartbeat adds the gap since the previous one, oldest first")
    func heartbeatsAddGaps() {
        let clock = VirtualClock()
        let detector = detector(pause: .seconds(3), clock: clock)
        detector.heartbeat()
        clock.advance(by: .milliseconds(500))
        detector.heartbeat()
        clock.advance(by: .milliseconds(1_200))
        detector.heartbeat()

        let expected: [Duration] = [.milliseconds(750), .milliseconds(1_250), .milliseconds(500), .milliseconds(1_200)]
        #expect(detector.intervals == expected, "heartbeats at 0, 0.5 s and 1.7 s left the window \(detector.intervals), expected \(expected)")
    }

    @Test("The window keeps exactly maxSampleSize intervals and drops the oldest")
    func windowIsBounded() {
        let clock = VirtualClock()
        let detector = detector(maxSampleSize: 4, pause: .seconds(3), clock: clock)
        detector.heartbeat()
        for gap in [100, 200] {
            clock.advance(by: .milliseconds(gap))
            detector.heartbeat()
        }
        let full: [Duration] = [.milliseconds(750), .milliseconds(1_250), .milliseconds(100), .milliseconds(200)]
        #expect(detector.intervals == full, "a window of 4 holding 4 intervals was \(detector.intervals), expected \(full): nothing may be dropped at the limit")

        for gap in [300, 400] {
            clock.advance(by: .milliseconds(gap))
            detector.heartbeat()
        }
        let slid: [Duration] = [.milliseconds(100), .milliseconds(200), .milliseconds(300), .milliseconds(400)]
        #expect(detector.intervals == slid, "after two more gaps a window of 4 was \(detector.intervals), expected \(slid): the oldest intervals go first")
    }

    @Test("φ follows the normal tail: log10 2 at the mean, −log10 Q(k) k deviations away")
    func phiIsTheNormalTail() {
        let clock = VirtualClock()
        let detector = detector(clock: clock)
        detector.heartbeat() // window [0.75 s, 1.25 s]: mean 1 s, deviation 0.25 s

        expectPhi(detector, clock: clock, at: 0.75, is: phiOneDeviationEarly, "one deviation before the mean P_later is Φ(1)")
        expectPhi(detector, clock: clock, at: 1.0, is: phiAtMean, "at the mean half of all heartbeats would come later")
        expectPhi(detector, clock: clock, at: 1.25, is: phiOneDeviationLate, "one deviation after the mean P_later is Q(1); is the deviation the population one, and above the 100 ms floor?")
        expectPhi(detector, clock: clock, at: 1.5, is: phiTwoDeviationsLate, "two deviations after the mean P_later is Q(2)")
        expectPhi(detector, clock: clock, at: 1.75, is: phiThreeDeviationsLate, "three deviations after the mean P_later is Q(3)")
    }

    @Test("The mean and deviation come from the whole window (population deviation)")
    func statisticsOfTheWindow() {
        let clock = VirtualClock()
        let detector = detector(clock: clock)
        detector.heartbeat()
        clock.advance(by: .seconds(1))
        detector.heartbeat()
        clock.advance(by: .seconds(2))
        detector.heartbeat() // window [0.75, 1.25, 1, 2]: mean 1.25 s, deviation √0.21875 s

        expectPhi(detector, clock: clock, at: 3 + 1.25, is: phiAtMean, "the window [0.75, 1.25, 1, 2] s has mean 1.25 s")
        expectPhi(detector, clock: clock, at: 5, is: 1.2643634602549259, "2 s of silence over that window is 1.6036 population deviations (√0.21875 s) past the mean")
    }

    @Test("The acceptable pause is added to the mean")
    func pauseShiftsTheMean() {
        let clock = VirtualClock()
        let detector = detector(pause: .seconds(2), clock: clock)
        detector.heartbeat()

        expectPhi(detector, clock: clock, at: 3, is: phiAtMean, "a learned mean of 1 s plus a 2 s pause puts the mean at 3 s")
        expectPhi(detector, clock: clock, at: 3.5, is: phiTwoDeviationsLate, "3.5 s is two 250 ms deviations past the shifted mean")
    }

    @Test("The deviation is floored at minStdDeviation when the window's is smaller")
    func deviationFloor() {
        let clock = VirtualClock()
        let wideFloor = detector(minStdDeviation: .milliseconds(500), clock: clock)
        wideFloor.heartbeat() // learned deviation 250 ms, below the 500 ms floor
        expectPhi(wideFloor, clock: clock, at: 1.5, is: phiOneDeviationLate, "with a 500 ms floor over a 250 ms deviation, 1.5 s is one (floored) deviation past the mean")

        let regularClock = VirtualClock()
        let regular = detector(maxSampleSize: 4, minStdDeviation: .milliseconds(200), clock: regularClock)
        regular.heartbeat()
        for _ in 0..<4 {
            regularClock.advance(by: .seconds(1))
            regular.heartbeat()
        }
        #expect(regular.intervals == Array(repeating: .seconds(1), count: 4), "four 1 s gaps in a window of 4 left \(regular.intervals)")
        expectPhi(regular, clock: regularClock, at: 4 + 1.2, is: phiOneDeviationLate, "a perfectly regular link has deviation 0; the 200 ms floor makes 1.2 s of silence one deviation late")
    }

    @Test("A peer is suspected from the instant φ reaches the threshold")
    func thresholdBoundary() {
        let clock = VirtualClock()
        let detector = detector(threshold: phiAtMean, clock: clock)
        detector.heartbeat()

        clock.advance(by: .milliseconds(999))
        #expect(detector.isAvailable, "just before the mean φ = \(detector.phi) is below the threshold \(phiAtMean), yet the peer was suspected")
        clock.advance(by: .milliseconds(1))
        #expect(!detector.isAvailable, "at the mean φ = \(detector.phi) equals the threshold \(phiAtMean): the peer must be suspected (available only while φ < threshold)")
    }

    @Test("A heartbeat that ends a suspected silence is not learned")
    func outageGapsAreNotLearned() {
        let clock = VirtualClock()
        let detector = detector(threshold: 3, clock: clock)
        detector.heartbeat()
        clock.advance(by: .seconds(5))
        #expect(!detector.isAvailable, "5 s of silence over a 1 s ± 0.25 s link should be suspected at threshold 3 (φ was \(detector.phi))")

        detector.heartbeat()
        #expect(detector.intervals == [.milliseconds(750), .milliseconds(1_250)], "the 5 s outage gap was learned: the window became \(detector.intervals)")
        #expect(detector.isAvailable && detector.phi < 0.001, "right after a heartbeat the peer must be available again with φ near 0, but φ was \(detector.phi)")

        clock.advance(by: .seconds(1))
        detector.heartbeat()
        #expect(detector.intervals.last == .seconds(1), "a 1 s gap while available must be learned, but the window is \(detector.intervals)")
    }

    @Test("The defaults are Akka's: threshold 8, 1000 samples, a 100 ms floor, a 3 s pause, a 1 s estimate")
    func akkaDefaults() {
        let clock = VirtualClock()
        let detector = PhiAccrualDetector(clock: clock)
        detector.heartbeat()

        expectPhi(detector, clock: clock, at: 4, is: phiAtMean, "the 1 s estimate plus the 3 s default pause puts the mean at 4 s")
        expectPhi(detector, clock: clock, at: 4.5, is: phiTwoDeviationsLate, "4.5 s is two seeded 250 ms deviations past the mean")
        clock.advance(to: VirtualClock.Instant(offset: .seconds(5.4)))
        #expect(detector.isAvailable, "at 5.4 s φ = \(detector.phi) is just below 8 and the peer must be available")
        clock.advance(to: VirtualClock.Instant(offset: .seconds(5.45)))
        #expect(!detector.isAvailable, "at 5.45 s φ = \(detector.phi) is above the default threshold of 8 and the peer must be suspected")

        let regularClock = VirtualClock()
        let regular = PhiAccrualDetector(clock: regularClock)
        regular.heartbeat()
        for _ in 0..<1_100 {
            regularClock.advance(by: .seconds(1))
            regular.heartbeat()
        }
        #expect(regular.intervals.count == 1_000, "the default window held \(regular.intervals.count) intervals, expected 1000")
        let lastBeat = regularClock.now.offset.seconds
        expectPhi(regular, clock: regularClock, at: lastBeat + 4.1, is: phiOneDeviationLate, "1000 gaps of exactly 1 s have deviation 0, floored at 100 ms; 4.1 s of silence is one deviation past 1 s + 3 s")
    }
}

@Suite("Heartbeat: fixed-timeout detector")
struct FixedTimeoutTests {
    @Test("A fixed-timeout detector suspects from exactly the timeout, and a heartbeat clears it")
    func timeoutBoundary() {
        for timeout in [Duration.seconds(3), .milliseconds(500)] {
            let clock = VirtualClock()
            let detector = FixedTimeoutDetector(timeout: timeout, clock: clock)
            #expect(detector.isAvailable, "a peer was suspected before its first heartbeat")
            clock.advance(by: .seconds(60))
            detector.heartbeat()

            clock.advance(by: timeout - .milliseconds(1))
            #expect(detector.isAvailable, "1 ms before the \(timeout) timeout the peer was already suspected")
            clock.advance(by: .milliseconds(1))
            #expect(!detector.isAvailable, "after exactly \(timeout) of silence the peer must be suspected")

            detector.heartbeat()
            #expect(detector.isAvailable, "a heartbeat did not clear the suspicion")
            clock.advance(by: timeout - .milliseconds(1))
            #expect(detector.isAvailable, "the timeout was not restarted by the last heartbeat")
            clock.advance(by: .milliseconds(1))
            #expect(!detector.isAvailable, "\(timeout) after the last heartbeat the peer must be suspected again")
        }
    }
}

@Suite("Heartbeat: the two detectors side by side")
struct ComparisonTests {
    @Test("On a jittery link φ never suspects the live peer where a tight fixed timeout does, and both suspect it once it dies")
    func jitteryLink() {
        let clock = VirtualClock()
        let phi = detector(pause: .zero, clock: clock)
        let fixed = FixedTimeoutDetector(timeout: .milliseconds(1_500), clock: clock)
        var random = SeededRandom(seed: 2004)
        var phiFalseSuspicions = 0
        var fixedFalseSuspicions = 0

        // A heartbeat every second, each delayed by 0–600 ms on the way: gaps of 0.4–1.6 s.
        var nextSend = Duration.zero
        for _ in 0..<300 {
            nextSend += .seconds(1)
            let arrival = VirtualClock.Instant(offset: nextSend + .milliseconds(Int.random(in: 0..<600, using: &random)))
            while clock.now + .milliseconds(50) < arrival {
                clock.advance(by: .milliseconds(50))
                if !phi.isAvailable { phiFalseSuspicions += 1 }
                if !fixed.isAvailable { fixedFalseSuspicions += 1 }
            }
            clock.advance(to: arrival)
            phi.heartbeat()
            fixed.heartbeat()
        }
        #expect(phiFalseSuspicions == 0, "φ suspected the live peer at \(phiFalseSuspicions) probes; its gaps never exceed 1.6 s")
        #expect(fixedFalseSuspicions > 0, "the 1.5 s fixed timeout never fired on gaps of up to 1.6 s (does it suspect at all?)")

        // The peer dies after its last heartbeat.
        clock.advance(by: .seconds(5))
        #expect(!phi.isAvailable, "5 s after the last heartbeat on a ~1 s link φ was \(phi.phi), expected above 8")
        #expect(!fixed.isAvailable, "5 s of silence did not trip the 1.5 s fixed timeout")
    }
}
