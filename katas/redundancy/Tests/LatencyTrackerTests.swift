import KataHarness
import RedundancyKata
import Testing

@Suite("Latency tracker")
struct LatencyTrackerTests {
    @Test("Until minimumSamples latencies are kept the hedge delay is the initial delay")
    func initialDelayUntilEnoughSamples() {
        var tracker = LatencyTracker(percentile: 95, window: 10, minimumSamples: 3, initialDelay: .ms(50))
        tracker.record(.ms(10))
        tracker.record(.ms(20))
        #expect(tracker.hedgeDelay == .ms(50), "with 2 of 3 samples the delay should still be the initial 50 ms, got \(tracker.hedgeDelay)")
        tracker.record(.ms(30))
        #expect(tracker.hedgeDelay == .ms(30),
                "with 3 samples (10, 20, 30 ms) the 95th percentile is 30 ms, got \(tracker.hedgeDelay)")
    }

    @Test("The hedge delay is the nearest-rank percentile: the ceil(p/100 * n)-th smallest latency")
    func nearestRankPercentile() {
        // 1...20 ms, recorded out of order so that an unsorted pick shows.
        let twenty = [7, 19, 3, 12, 20, 1, 15, 9, 18, 4, 11, 2, 16, 8, 14, 5, 17, 10, 6, 13]
        let expected: [(percentile: Double, ms: Int)] = [(95, 19), (90, 18), (50, 10), (100, 20), (1, 1), (96, 20)]
        for (percentile, ms) in expected {
            var tracker = LatencyTracker(percentile: percentile, window: 20, minimumSamples: 1, initialDelay: .seconds(9))
            for latency in twenty { tracker.record(.ms(latency)) }
            #expect(tracker.hedgeDelay == .ms(ms),
                    "p\(percentile) of 1...20 ms should be \(ms) ms (rank ceil(\(percentile)/100 * 20)), got \(tracker.hedgeDelay)")
        }
        // 12 samples: 95 % of 12 is 11.4, so rank 12; rounding or truncating would give rank 11.
        var twelve = LatencyTracker(percentile: 95, window: 12, minimumSamples: 1, initialDelay: .seconds(9))
        for latency in [5, 12, 1, 9, 3, 11, 7, 2, 10, 4, 8, 6] { twelve.record(.ms(latency * 10)) }
        #expect(twelve.hedgeDelay == .ms(120), "p95 of 12 samples is rank 12 (11.4 rounded up), 120 ms, got \(twelve.hedgeDelay)")
        // 99 samples: 90 % of 99 is 89.1, so rank 90; a divisor off by one would give rank 89.
        var many = LatencyTracker(percentile: 90, window: 99, minimumSamples: 1, initialDelay: .seconds(9))
        var random = SeededRandom(seed: 9)
        for latency in Array(1...99).shuffled(using: &random) { many.record(.ms(latency)) }
        #expect(many.hedgeDelay == .ms(90), "p90 of 1...99 ms is rank 90 (89.1 rounded up), 90 ms, got \(many.hedgeDelay)")
    }

    @Test("Only the latest window latencies are kept")
    func slidingWindow() {
        var tracker = LatencyTracker(percentile: 100, window: 5, minimumSamples: 1, initialDelay: .seconds(9))
        for latency in [100, 10, 20, 30, 40] { tracker.record(.ms(latency)) }
        #expect(tracker.samples.count == 5, "a window of 5 holds all of 5 samples, but \(tracker.samples.count) are kept")
        #expect(tracker.hedgeDelay == .ms(100), "the 100 ms sample is the 5th of a window of 5 and should still count, got \(tracker.hedgeDelay)")
        tracker.record(.ms(50))
        #expect(tracker.samples == [.ms(10), .ms(20), .ms(30), .ms(40), .ms(50)],
                "a 6th sample should push out the oldest (100 ms), but the samples are \(tracker.samples)")
        #expect(tracker.hedgeDelay == .ms(50), "with 100 ms pushed out the maximum is 50 ms, got \(tracker.hedgeDelay)")
    }
}
