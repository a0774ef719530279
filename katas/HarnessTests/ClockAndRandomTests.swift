import KataHarness
import Testing

@Suite("VirtualClock")
struct VirtualClockTests {
    @Test("Time moves only when told, and sleeping advances it at once")
    func advancesOnlyWhenTold() {
        let clock = VirtualClock()
        #expect(clock.now == VirtualClock.Instant(offset: .zero))
        clock.advance(by: .seconds(2))
        clock.sleep(for: .milliseconds(500))
        #expect(clock.now.offset == .milliseconds(2500))
        #expect(clock.sleeps == [.milliseconds(500)], "sleep(for:) should record each requested delay")
    }

    @Test("advance(to:) never moves time backwards")
    func advanceToIsMonotonic() {
        let clock = VirtualClock(start: .seconds(10))
        clock.advance(to: VirtualClock.Instant(offset: .seconds(3)))
        #expect(clock.now.offset == .seconds(10))
        clock.advance(to: VirtualClock.Instant(offset: .seconds(12)))
        #expect(clock.now.offset == .seconds(12))
    }

    @Test("Durations convert to and from fractional seconds")
    func fractionalSeconds() {
        #expect(Duration.seconds(1.25) == .milliseconds(1250))
        #expect(Duration.milliseconds(1500).seconds == 1.5)
    }
}

@Suite("Random generators")
struct RandomTests {
    @Test("SeededRandom gives the same sequence for the same seed, another for another seed")
    func seededIsDeterministic() {
        var a = SeededRandom(seed: 42), b = SeededRandom(seed: 42), c = SeededRandom(seed: 43)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        #expect(first != (0..<5).map { _ in c.next() })
    }

    @Test("FixedRandom pins half-open Double draws to the chosen fractions, in order")
    func fixedPinsDoubles() {
        var random = FixedRandom(unitValues: [0, 0.5, 0.75])
        let draws = (0..<3).map { _ in Double.random(in: 0..<8, using: &random) }
        #expect(abs(draws[0] - 0) < 1e-9 && abs(draws[1] - 4) < 1e-9 && abs(draws[2] - 6) < 1e-9,
                "expected draws near 0, 4 and 6, got \(draws)")
    }

    @Test("FixedRandom lands integer and closed-range draws near the fraction and never loops")
    func fixedIntegerDrawsTerminate() {
        for fraction in [0, 0.25, 0.5, 0.999] {
            var random = FixedRandom(unitValues: [fraction])
            let integer = Int.random(in: 0..<1000, using: &random)
            let closed = Double.random(in: 0...1, using: &random)
            #expect(abs(Double(integer) - fraction * 1000) <= 1, "Int draw for \(fraction) was \(integer)")
            #expect(abs(closed - fraction) <= 1.0 / 1024, "closed-range draw for \(fraction) was \(closed)")
        }
    }
}
