import KataHarness

/// A HorizontalPodAutoscaler for one workload: a recommendation every time it is asked,
/// stabilised against flapping, then held within `minReplicas...maxReplicas`.
public final class HorizontalAutoscaler {
    public let spec: AutoscalerSpec

    private let clock: VirtualClock

    /// - Precondition: `1 <= minReplicas <= maxReplicas`, `targetAverageValue > 0`, `tolerance >= 0`.
    public init(spec: AutoscalerSpec, clock: VirtualClock) {
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
        // TODO(kata): ask ReplicaCalculator, remember the answer with the time, forget answers
        // older than the window (one exactly a window old still counts), take the highest, and
        // clamp it to minReplicas...maxReplicas.
        return podMetrics.count
    }
}
