import KataHarness

/// A HorizontalPodAutoscaler for one workload: a recommendation every time it is asked,
/// stabilised against flapping, then held within `minReplicas...maxReplicas`.
public final class HorizontalAutoscaler {
    public let spec: AutoscalerSpec

    private let clock: VirtualClock
    /// Earlier raw recommendations, oldest first, kept as long as the window reaches back.
    private var history: [(at: VirtualClock.Instant, replicas: Int)] = []

    /// - Precondition: `1 <= minReplicas <= maxReplicas`, `targetAverageValue > 0`, `tolerance >= 0`.
    public init(spec: AutoscalerSpec, clock: VirtualClock) {
        precondition(spec.minReplicas >= 1 && spec.minReplicas <= spec.maxReplicas, "need 1 <= minReplicas <= maxReplicas")
        precondition(spec.targetAverageValue > 0 && spec.tolerance >= 0, "need a positive target and a non-negative tolerance")
        self.spec = spec
        self.clock = clock
    }

    /// The replica count to run now, given one metric per current pod (`nil`: none yet).
    ///
    /// The raw recommendation is remembered; the answer is the highest recommendation made in
    /// the last `downscaleStabilizationWindow` (this one included), so a scale-up acts at once
    /// and a scale-down only once the window has seen nothing higher. Then it is clamped.
    /// - Precondition: at least one pod.
    public func desiredReplicas(podMetrics: [Double?]) -> Int {
        precondition(!podMetrics.isEmpty, "a workload scaled to zero is not autoscaled")
        let now = clock.now
        let raw = ReplicaCalculator.recommend(podMetrics: podMetrics, targetAverageValue: spec.targetAverageValue, tolerance: spec.tolerance)
        // A recommendation exactly one window old still counts, as in the HPA controller.
        let cutoff = now - spec.downscaleStabilizationWindow
        history.removeAll { $0.at < cutoff }
        history.append((now, raw))
        let stabilized = history.map(\.replicas).max() ?? raw
        return min(spec.maxReplicas, max(spec.minReplicas, stabilized))
    }
}
