import AutoScalingKata
import KataHarness
import Testing

// Targets are powers of two and metrics whole numbers, so every ratio below is exact in floating
// point and each ceiling is decided by the algorithm, not by rounding error.

/// `count` pods all reporting `value`.
private func pods(_ count: Int, at value: Double) -> [Double?] {
    Array(repeating: value, count: count)
}

private func recommend(_ metrics: [Double?], target: Double = 8, tolerance: Double = 0.1) -> Int {
    ReplicaCalculator.recommend(podMetrics: metrics, targetAverageValue: target, tolerance: tolerance)
}

@Suite("Auto-scaling: the replica calculation")
struct ReplicaCalculatorTests {
    @Test("desired = ceil(current × average / target)")
    func theFormula() {
        let cases: [(metrics: [Double?], target: Double, expected: Int)] = [
            (pods(2, at: 16), 8, 4),     // 2 × 2
            (pods(3, at: 12), 8, 5),     // ceil(3 × 1.5 = 4.5)
            (pods(5, at: 10), 8, 7),     // ceil(5 × 1.25 = 6.25): a ceiling, not rounding
            (pods(8, at: 9), 8, 9),      // ceil(8 × 1.125 = 9)
            (pods(4, at: 6), 8, 3),      // 4 × 0.75
            (pods(4, at: 2), 8, 1),      // 4 × 0.25
            (pods(3, at: 1), 4, 1),      // ceil(3 × 0.25 = 0.75)
            ([4, 8, 12, 16], 4, 10),     // average 10 over target 4: 4 × 2.5
            ([1, 2, 3, 10], 16, 1),      // average 4 over target 16: 4 × 0.25
        ]
        for (metrics, target, expected) in cases {
            let desired = recommend(metrics, target: target)
            #expect(desired == expected, "pods \(metrics.map { $0 ?? -1 }) against a target of \(target) gave \(desired) replicas, expected \(expected)")
        }
    }

    @Test("A ratio within the tolerance of 1 keeps the count, on both sides, boundary included")
    func tolerance() {
        #expect(recommend(pods(10, at: 109), target: 100) == 10, "a ratio of 1.09 is within the default 0.1 tolerance and must keep 10 replicas, got \(recommend(pods(10, at: 109), target: 100))")
        #expect(recommend(pods(10, at: 91), target: 100) == 10, "a ratio of 0.91 is within the default 0.1 tolerance and must keep 10 replicas, got \(recommend(pods(10, at: 91), target: 100))")
        #expect(recommend(pods(10, at: 111), target: 100) == 12, "a ratio of 1.11 is outside the tolerance: ceil(11.1) = 12, got \(recommend(pods(10, at: 111), target: 100))")
        #expect(recommend(pods(10, at: 89), target: 100) == 9, "a ratio of 0.89 is outside the tolerance: ceil(8.9) = 9, got \(recommend(pods(10, at: 89), target: 100))")

        #expect(recommend(pods(4, at: 5), target: 4, tolerance: 0.25) == 4, "a ratio of exactly 1.25 with tolerance 0.25 is within it (|1 − ratio| ≤ tolerance) and must keep 4, got \(recommend(pods(4, at: 5), target: 4, tolerance: 0.25))")
        #expect(recommend(pods(4, at: 3), target: 4, tolerance: 0.25) == 4, "a ratio of exactly 0.75 with tolerance 0.25 must keep 4, got \(recommend(pods(4, at: 3), target: 4, tolerance: 0.25))")
        #expect(recommend(pods(4, at: 5), target: 4, tolerance: 0.125) == 5, "a ratio of 1.25 with tolerance 0.125 must scale 4 to 5, got \(recommend(pods(4, at: 5), target: 4, tolerance: 0.125))")
        #expect(recommend(pods(8, at: 9), target: 8, tolerance: 0.125) == 8, "a ratio of exactly 1.125 with tolerance 0.125 must keep 8, got \(recommend(pods(8, at: 9), target: 8, tolerance: 0.125))")
    }

    @Test("Pods without a metric count at the target when scaling down, so the step down is smaller")
    func missingOnScaleDown() {
        let desired = recommend([2, 2, nil, nil], target: 8)
        #expect(desired == 3, "two pods at 2 and two without metrics against a target of 8: the missing pods count as 8, (2 + 2 + 8 + 8) / 4 = 5, ratio 0.625, ceil(2.5) = 3; got \(desired) (1 if the missing pods were ignored)")
        let three = recommend([1, nil, nil, nil, nil, 1, 1, 1], target: 4)
        #expect(three == 5, "four pods at 1 and four missing (counted as 4) against a target of 4: (4 + 16) / 8 = 2.5, ratio 0.625, 8 × 0.625 = 5; got \(three)")
    }

    @Test("Pods without a metric count as idle when scaling up, so the step up is smaller")
    func missingOnScaleUp() {
        let desired = recommend([24, 24, nil, nil], target: 8)
        #expect(desired == 6, "two pods at 24 and two without metrics against a target of 8: the missing pods count as 0, 48 / 4 = 12, ratio 1.5, 6 replicas; got \(desired) (12 if the missing pods were ignored)")
    }

    @Test("No scaling if the adjusted ratio falls within the tolerance")
    func missingBringsRatioIntoTolerance() {
        #expect(recommend([16, 16], target: 8) == 4, "precondition: two pods at twice the target must scale to 4, got \(recommend([16, 16], target: 8))")
        let up = recommend([16, 16, nil, nil], target: 8)
        #expect(up == 4, "two pods at 16 and two missing: the adjusted average is 32 / 4 = 8, exactly the target, so 4 replicas stay; got \(up)")
        let down = recommend([7, nil, nil, nil, nil, nil, nil, nil, nil, nil], target: 8)
        #expect(down == 10, "one pod at 7 and nine missing counted at 8: ratio 0.9875 is within tolerance, so 10 stay; got \(down)")
        let atBoundary = recommend([10, nil], target: 4, tolerance: 0.25)
        #expect(atBoundary == 2, "one pod at 10 and one missing (counted as 0) against a target of 4: the adjusted ratio is exactly 1.25, within a 0.25 tolerance, so 2 stay; got \(atBoundary)")
        let justOutside = recommend([10, nil], target: 4, tolerance: 0.125)
        #expect(justOutside == 3, "the same pods with a 0.125 tolerance: adjusted ratio 1.25, ceil(2.5) = 3; got \(justOutside)")
        let unchangedBefore = recommend([8, nil], target: 8)
        #expect(unchangedBefore == 2, "the pods that report are exactly at target, so 2 replicas stay; got \(unchangedBefore)")
    }

    @Test("With no metric at all the count stays")
    func noMetrics() {
        #expect(recommend(pods(3, at: 16), target: 8) == 6, "precondition: three pods at twice the target must scale to 6, got \(recommend(pods(3, at: 16), target: 8))")
        let desired = recommend([nil, nil, nil], target: 8)
        #expect(desired == 3, "three pods and no metrics: nothing to act on, expected 3, got \(desired)")
    }
}

@Suite("Auto-scaling: the autoscaler")
struct HorizontalAutoscalerTests {
    @Test("The recommendation is held within minReplicas and maxReplicas")
    func bounds() {
        for (minimum, maximum) in [(2, 10), (3, 7)] {
            let spec = AutoscalerSpec(minReplicas: minimum, maxReplicas: maximum, targetAverageValue: 8)
            let up = HorizontalAutoscaler(spec: spec, clock: VirtualClock()).desiredReplicas(podMetrics: pods(4, at: 32))
            #expect(up == maximum, "a recommendation of 16 with maxReplicas \(maximum) gave \(up)")
            let down = HorizontalAutoscaler(spec: spec, clock: VirtualClock()).desiredReplicas(podMetrics: pods(4, at: 2))
            #expect(down == minimum, "a recommendation of 1 with minReplicas \(minimum) gave \(down)")
            let inside = HorizontalAutoscaler(spec: spec, clock: VirtualClock()).desiredReplicas(podMetrics: pods(3, at: 16))
            #expect(inside == 6, "a recommendation of 6 inside \(minimum)...\(maximum) gave \(inside)")
        }
    }

    @Test("The autoscaler applies the spec's target and tolerance")
    func usesSpec() {
        let clock = VirtualClock()
        let tolerant = HorizontalAutoscaler(spec: AutoscalerSpec(maxReplicas: 20, targetAverageValue: 4, tolerance: 0.25), clock: clock)
        #expect(tolerant.desiredReplicas(podMetrics: pods(4, at: 5)) == 4, "a ratio of 1.25 is within a tolerance of 0.25")
        let strict = HorizontalAutoscaler(spec: AutoscalerSpec(maxReplicas: 20, targetAverageValue: 4), clock: clock)
        #expect(strict.desiredReplicas(podMetrics: pods(4, at: 5)) == 5, "a ratio of 1.25 is outside the default tolerance of 0.1: 4 → 5")
    }

    @Test("A scale-up acts at once")
    func scaleUpIsImmediate() {
        let clock = VirtualClock()
        let autoscaler = HorizontalAutoscaler(spec: AutoscalerSpec(maxReplicas: 50, targetAverageValue: 8), clock: clock)
        #expect(autoscaler.desiredReplicas(podMetrics: pods(4, at: 8)) == 4, "4 pods exactly at target must stay at 4")
        clock.advance(by: .seconds(15))
        let up = autoscaler.desiredReplicas(podMetrics: pods(4, at: 16))
        #expect(up == 8, "15 s later the pods run at twice the target: scale-ups are not stabilised, expected 8, got \(up)")
    }

    @Test("A scale-down takes the highest recommendation of the last 300 seconds, boundary included")
    func downscaleStabilization() {
        let clock = VirtualClock()
        let autoscaler = HorizontalAutoscaler(spec: AutoscalerSpec(maxReplicas: 50, targetAverageValue: 8), clock: clock)
        #expect(autoscaler.desiredReplicas(podMetrics: pods(4, at: 16)) == 8, "t = 0: twice the target on 4 pods must give 8")

        func step(to seconds: Double, metric: Double, expect expected: Int, _ why: String, sourceLocation: SourceLocation = #_sourceLocation) {
            clock.advance(to: VirtualClock.Instant(offset: .seconds(seconds)))
            let desired = autoscaler.desiredReplicas(podMetrics: pods(8, at: metric))
            #expect(desired == expected, "t = \(seconds) s: got \(desired) replicas, expected \(expected): \(why)", sourceLocation: sourceLocation)
        }
        step(to: 60, metric: 4, expect: 8, "the load halved (raw 4), but 8 was recommended within 300 s")
        step(to: 120, metric: 2, expect: 8, "raw 2 now, still 8 in the window")
        step(to: 299.999, metric: 2, expect: 8, "the recommendation of 8 from t = 0 is not yet 300 s old")
        step(to: 300, metric: 2, expect: 8, "a recommendation exactly 300 s old is still in the window")
        step(to: 300.001, metric: 2, expect: 4, "the 8 from t = 0 has left the window; the 4 from t = 60 is the highest left")
        step(to: 360.001, metric: 2, expect: 2, "the 4 from t = 60 has left the window too")
    }

    @Test("The stabilisation window is configurable")
    func customWindow() {
        let clock = VirtualClock()
        let autoscaler = HorizontalAutoscaler(spec: AutoscalerSpec(maxReplicas: 50, targetAverageValue: 8, downscaleStabilizationWindow: .seconds(60)), clock: clock)
        #expect(autoscaler.desiredReplicas(podMetrics: pods(5, at: 16)) == 10, "twice the target on 5 pods must give 10")
        clock.advance(by: .seconds(60))
        #expect(autoscaler.desiredReplicas(podMetrics: pods(10, at: 4)) == 10, "with a 60 s window the 10 from exactly 60 s ago still counts")
        clock.advance(by: .milliseconds(1))
        let down = autoscaler.desiredReplicas(podMetrics: pods(10, at: 4))
        #expect(down == 5, "60.001 s after the 10, a 60 s window holds only recommendations of 5; got \(down)")

        let noWindow = HorizontalAutoscaler(spec: AutoscalerSpec(maxReplicas: 50, targetAverageValue: 8, downscaleStabilizationWindow: .zero), clock: clock)
        #expect(noWindow.desiredReplicas(podMetrics: pods(5, at: 16)) == 10, "twice the target on 5 pods must give 10")
        clock.advance(by: .milliseconds(1))
        #expect(noWindow.desiredReplicas(podMetrics: pods(10, at: 4)) == 5, "with no window a scale-down acts at once")
    }

    @Test("A noisy metric does not make the replica count flap")
    func noFlapping() {
        let clock = VirtualClock()
        let autoscaler = HorizontalAutoscaler(spec: AutoscalerSpec(maxReplicas: 50, targetAverageValue: 8), clock: clock)
        var replicas = 4
        var history: [Int] = []
        // Every 15 s (the HPA's default sync period) the total load swings between 48 and 16,
        // shared by the pods that are running.
        for tick in 0..<40 {
            let total: Double = tick.isMultiple(of: 2) ? 48 : 16
            replicas = autoscaler.desiredReplicas(podMetrics: pods(replicas, at: total / Double(replicas)))
            history.append(replicas)
            clock.advance(by: .seconds(15))
        }
        let decreases = zip(history, history.dropFirst()).filter { $0.1 < $0.0 }.count
        #expect(decreases == 0 && history.last == 6, "a load swinging every 15 s between 48 (6 pods' worth) and 16 should settle at 6, but the count went down \(decreases) times: \(history)")
    }
}
