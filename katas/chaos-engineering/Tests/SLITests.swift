import ChaosKata
import KataHarness
import Testing

@Suite("Measuring the SLIs")
struct SLITests {
    @Test("The success rate is the share of outcomes that succeeded")
    func successRate() {
        let rate = SLI.successRate(of: [ok(), failed(), ok(), ok()])
        #expect(rate == 0.75, "3 of 4 succeeded, so the rate is 0.75, but it was \(String(describing: rate))")
        #expect(SLI.successRate(of: [failed(), failed()]) == 0, "nothing succeeded, so the rate is 0")
        #expect(SLI.successRate(of: []) == nil, "no outcomes have no success rate, not a rate of 0 or 1")
    }

    @Test(
        "p99 is the latency at rank ⌈0.99 × n⌉ of the successful requests",
        arguments: [(1, 1), (10, 10), (99, 99), (100, 99), (101, 100), (200, 198), (1000, 990)]
    )
    func nearestRank(count: Int, expectedRank: Int) {
        var random = SeededRandom(seed: UInt64(count))
        let outcomes = (1...count).map { ok($0) }.shuffled(using: &random)

        let p99 = SLI.p99(of: outcomes)

        #expect(p99 == .milliseconds(expectedRank), "\(count) latencies of 1…\(count) ms have the nearest-rank p99 at rank \(expectedRank), \(expectedRank) ms, but p99 was \(String(describing: p99))")
    }

    @Test("Failed requests do not count toward p99")
    func failuresLeftOut() {
        let outcomes = (1...10).map { ok($0) } + [failed(5000), failed(9000)]

        let p99 = SLI.p99(of: outcomes)

        #expect(p99 == .milliseconds(10), "the slowest success took 10 ms; the failures' 5 s and 9 s are not latencies of served requests, but p99 was \(String(describing: p99))")
        #expect(SLI.p99(of: [failed(), failed()]) == nil, "with no successes there is no p99")
        #expect(SLI.p99(of: []) == nil, "with no outcomes there is no p99")
    }

    @Test("An outcome stays in the window until it is exactly one window old", arguments: [10.0, 60.0])
    func slidingWindow(length: Double) {
        var window = SLIWindow(length: .seconds(length))
        window.record(failed(300), at: t(5))
        window.record(ok(40), at: t(6))

        #expect(window.outcomes(at: t(6)) == [failed(300), ok(40)], "both outcomes are in the window at t+6, oldest first, but got \(window.outcomes(at: t(6)))")
        #expect(window.successRate(at: t(6)) == 0.5, "one of two succeeded, but the rate was \(String(describing: window.successRate(at: t(6))))")
        #expect(window.p99(at: t(6)) == .milliseconds(40), "only the success counts toward p99")

        let justInside = t(5 + length - 0.001)
        #expect(window.outcomes(at: justInside).count == 2, "1 ms before the failure is \(length) s old it is still in the window, but got \(window.outcomes(at: justInside))")
        let exactlyOld = t(5 + length)
        #expect(window.outcomes(at: exactlyOld) == [ok(40)], "at \(length) s old the failure has left the window, but got \(window.outcomes(at: exactlyOld))")
        #expect(window.successRate(at: exactlyOld) == 1, "only the success is left in the window")
        #expect(window.successRate(at: t(6 + length)) == nil, "once everything has left, the window has no rate")
    }

    @Test("An outcome recorded later than the instant asked about is not in its window")
    func futureLeftOut() {
        var window = SLIWindow(length: .seconds(60))
        window.record(ok(), at: t(1))
        window.record(failed(), at: t(10))

        #expect(window.outcomes(at: t(10)) == [ok(), failed()], "both outcomes are in the window at t+10")
        #expect(window.outcomes(at: t(5)) == [ok()], "at t+5 the failure at t+10 has not happened yet, but got \(window.outcomes(at: t(5)))")
    }
}
