import KataHarness
import ServiceMeshKata
import Testing

@Suite("Outlier detection")
struct OutlierDetectorTests {
    @Test("Envoy's defaults: 5 consecutive 5xx, 10 s interval, 30 s base and 300 s maximum ejection, 10 %")
    func envoyDefaults() {
        let config = OutlierDetectionConfig()
        #expect(config.consecutive5xx == 5 && config.interval == .seconds(10) && config.baseEjectionTime == .seconds(30)
                    && config.maxEjectionTime == .seconds(300) && config.maxEjectionPercent == 10 && !config.alwaysEjectOneHost,
                "the defaults should be Envoy's, got \(config)")
        let detector = OutlierDetector(hosts: pool(10), clock: VirtualClock())
        record(detector, 503, from: "h0", times: 5)
        #expect(detector.ejectedHosts == ["h0"], "with the defaults, 5 consecutive 503s should eject h0; ejected: \(detector.ejectedHosts)")
    }

    @Test("A host is ejected at exactly consecutive5xx 5xx replies in a row; any other status ends the run")
    func ejectsAtThreshold() {
        let detector = OutlierDetector(hosts: pool(10), clock: VirtualClock())
        record(detector, 500, from: "h0", times: 4)
        record(detector, 499, from: "h0")
        record(detector, 599, from: "h0", times: 4)
        record(detector, 200, from: "h0")
        record(detector, 502, from: "h0", times: 4)
        #expect(!detector.isEjected("h0"), "runs of 4 broken by a 499 and a 200 are below 5 in a row, but h0 was ejected")
        record(detector, 503, from: "h0")
        #expect(detector.isEjected("h0"), "the 5th 5xx in a row (4 × 502, then 503) should eject h0")
        #expect(detector.timesEjected("h0") == 1 && detector.ejectionMultiplier("h0") == 1,
                "after one ejection timesEjected and the multiplier should be 1, got \(detector.timesEjected("h0")) and \(detector.ejectionMultiplier("h0"))")

        let strict = OutlierDetector(hosts: pool(10), config: OutlierDetectionConfig(consecutive5xx: 2), clock: VirtualClock())
        record(strict, 500, from: "h3")
        #expect(!strict.isEjected("h3"), "one 500 is below a consecutive5xx of 2")
        record(strict, 500, from: "h3")
        #expect(strict.ejectedHosts == ["h3"], "with consecutive5xx 2, two 500s should eject h3; ejected: \(strict.ejectedHosts)")
    }

    @Test("An ejection lasts baseEjectionTime × the number of times ejected: 30 s, then 60 s")
    func ejectionTimeGrows() {
        let clock = VirtualClock()
        let detector = OutlierDetector(hosts: pool(10), clock: clock)
        record(detector, 503, from: "h0", times: 5)
        #expect(detector.ejectionTime("h0") == .seconds(30), "the first ejection should last 30 s, got \(detector.ejectionTime("h0"))")

        clock.advance(by: .seconds(30) - .ms(1))
        detector.sweep()
        #expect(detector.isEjected("h0"), "1 ms before its 30 s are up h0 should still be ejected")
        clock.advance(by: .ms(1))
        detector.sweep()
        #expect(!detector.isEjected("h0"), "30 s after the ejection the sweep should return h0 to service")

        record(detector, 503, from: "h0", times: 5)       // ejected again at t = 30 s
        #expect(detector.timesEjected("h0") == 2 && detector.ejectionTime("h0") == .seconds(60),
                "the second ejection should last 2 × 30 s; timesEjected \(detector.timesEjected("h0")), time \(detector.ejectionTime("h0"))")
        clock.advance(by: .seconds(60) - .ms(1))
        detector.sweep()
        #expect(detector.isEjected("h0") && detector.ejectionMultiplier("h0") == 2,
                "at 59.999 s into its second ejection h0 should still be out with multiplier 2; ejected \(detector.isEjected("h0")), multiplier \(detector.ejectionMultiplier("h0"))")
        clock.advance(by: .ms(1))
        detector.sweep()
        #expect(!detector.isEjected("h0"), "60 s after the second ejection h0 should be back")
    }

    @Test("The ejection time stops at maxEjectionTime, and so does the multiplier")
    func ejectionTimeIsCapped() {
        let clock = VirtualClock()
        let config = OutlierDetectionConfig(consecutive5xx: 1, baseEjectionTime: .seconds(10), maxEjectionTime: .seconds(25))
        let detector = OutlierDetector(hosts: pool(10), config: config, clock: clock)
        var multipliers: [Int] = []
        var times: [Duration] = []
        for _ in 0..<4 {
            detector.record(500, from: "h0")
            multipliers.append(detector.ejectionMultiplier("h0"))
            times.append(detector.ejectionTime("h0"))
            clock.advance(by: .seconds(25))
            detector.sweep()
        }
        #expect(multipliers == [1, 2, 3, 3], "the multiplier grows per ejection until base × multiplier reaches the 25 s cap, got \(multipliers)")
        #expect(times == [.seconds(10), .seconds(20), .seconds(25), .seconds(25)], "ejection times should be 10, 20, then capped at 25 s, got \(times)")

        let exact = OutlierDetector(hosts: pool(10), config: OutlierDetectionConfig(consecutive5xx: 1, baseEjectionTime: .seconds(10),
                                                                                   maxEjectionTime: .seconds(20)), clock: clock)
        var exactMultipliers: [Int] = []
        for _ in 0..<3 {
            exact.record(500, from: "h0")
            exactMultipliers.append(exact.ejectionMultiplier("h0"))
            clock.advance(by: .seconds(20))
            exact.sweep()
        }
        #expect(exactMultipliers == [1, 2, 2], "with a 20 s cap, 10 s × 2 already reaches it, so the multiplier stays at 2; got \(exactMultipliers)")
    }

    @Test("A host back in service for a whole interval loses one multiplier step per sweep, down to 0")
    func multiplierDecays() {
        let clock = VirtualClock()
        let detector = OutlierDetector(hosts: pool(10), config: OutlierDetectionConfig(consecutive5xx: 1), clock: clock)
        detector.record(500, from: "h0")
        clock.advance(by: .seconds(30))
        detector.sweep()
        detector.record(500, from: "h0")                 // second ejection at t = 30 s, 60 s long
        clock.advance(by: .seconds(60))
        detector.sweep()                                  // back at t = 90 s with multiplier 2
        #expect(!detector.isEjected("h0") && detector.ejectionMultiplier("h0") == 2,
                "h0 should be back at 90 s with multiplier 2, got ejected \(detector.isEjected("h0")), multiplier \(detector.ejectionMultiplier("h0"))")

        var seen: [Int] = []
        for offset in [9.999, 10, 20, 30] {
            clock.advance(to: .seconds(90 + offset))
            detector.sweep()
            seen.append(detector.ejectionMultiplier("h0"))
        }
        #expect(seen == [2, 1, 0, 0],
                "sweeps 9.999, 10, 20 and 30 s after return should leave multipliers 2 1 0 0 (one step per sweep once a whole interval has passed, never below 0); got \(seen)")
        detector.record(500, from: "h0")
        #expect(detector.ejectionTime("h0") == .seconds(30), "with the multiplier back at 0, the next ejection lasts 30 s again, got \(detector.ejectionTime("h0"))")
    }

    @Test("maxEjectionPercent caps the ejected share of hosts; a refused ejection is counted and the run restarts")
    func maxEjectionPercent() {
        let ten = OutlierDetector(hosts: pool(10), clock: VirtualClock())
        record(ten, 503, from: "h0", times: 5)
        record(ten, 503, from: "h1", times: 5)
        #expect(ten.ejectedHosts == ["h0"], "10 % of 10 hosts is 1: h1 must not be ejected too; ejected: \(ten.ejectedHosts)")
        #expect(ten.overflowedEjections == 1, "the refused ejection of h1 should be counted once, got \(ten.overflowedEjections)")
        record(ten, 503, from: "h1", times: 4)
        #expect(ten.overflowedEjections == 1, "h1's run restarts after the refusal: 4 more 5xx are not another 5 in a row; overflowed \(ten.overflowedEjections)")
        record(ten, 503, from: "h1")
        #expect(ten.overflowedEjections == 2, "a second full run of 5 is refused again, got \(ten.overflowedEjections)")

        let twenty = OutlierDetector(hosts: pool(20), clock: VirtualClock())
        for name in ["h0", "h1", "h2"] { record(twenty, 500, from: name, times: 5) }
        #expect(twenty.ejectedHosts == ["h0", "h1"], "10 % of 20 hosts is 2; the 3rd must be refused; ejected: \(twenty.ejectedHosts)")

        let half = OutlierDetector(hosts: pool(4), config: OutlierDetectionConfig(maxEjectionPercent: 50), clock: VirtualClock())
        for name in ["h3", "h1", "h0"] { record(half, 500, from: name, times: 5) }
        #expect(half.ejectedHosts == ["h1", "h3"], "50 % of 4 hosts is 2; ejected: \(half.ejectedHosts)")
    }

    @Test("Below ten hosts the 10 % default ejects none, unless alwaysEjectOneHost allows exactly one")
    func smallPools() {
        let nine = OutlierDetector(hosts: pool(9), clock: VirtualClock())
        record(nine, 503, from: "h0", times: 5)
        #expect(nine.ejectedHosts.isEmpty && nine.overflowedEjections == 1,
                "one of 9 hosts is 11 % > 10 %, so nothing is ejected; ejected \(nine.ejectedHosts), overflowed \(nine.overflowedEjections)")

        let always = OutlierDetector(hosts: pool(9), config: OutlierDetectionConfig(alwaysEjectOneHost: true), clock: VirtualClock())
        record(always, 503, from: "h0", times: 5)
        record(always, 503, from: "h1", times: 5)
        #expect(always.ejectedHosts == ["h0"], "alwaysEjectOneHost allows the first ejection only; ejected: \(always.ejectedHosts)")
    }

    @Test("Replies from an ejected host are ignored")
    func ejectedHostRepliesIgnored() {
        let detector = OutlierDetector(hosts: pool(10), clock: VirtualClock())
        record(detector, 503, from: "h0", times: 5)
        record(detector, 503, from: "h0", times: 5)       // answers to requests sent before the ejection
        #expect(detector.timesEjected("h0") == 1 && detector.overflowedEjections == 0 && detector.ejectionMultiplier("h0") == 1,
                "5xx from an already ejected host must not count; timesEjected \(detector.timesEjected("h0")), overflowed \(detector.overflowedEjections), multiplier \(detector.ejectionMultiplier("h0"))")
    }
}
