import KataHarness

/// One step of the Kubernetes HPA algorithm: from the pods' metrics to a replica count, before
/// stabilisation and bounds (Kubernetes docs, "Horizontal Pod Autoscaling", algorithm details).
public enum ReplicaCalculator {
    /// `desired = ceil(current × currentAverage / target)`, unless the ratio is within
    /// `tolerance` of 1.
    ///
    /// `podMetrics` has one entry per current replica; `nil` is a pod with no metric yet. Those
    /// are set aside first; if the remaining pods say "scale", the missing ones are counted at
    /// 100 % of the target when scaling down and 0 % when scaling up, and the ratio is worked out
    /// again over all pods. If that second ratio is within tolerance, nothing changes.
    /// With no metric at all there is nothing to act on, and the count stays.
    public static func recommend(podMetrics: [Double?], targetAverageValue target: Double, tolerance: Double) -> Int {
        let current = podMetrics.count
        let reported = podMetrics.compactMap { $0 }
        guard !reported.isEmpty else { return current }
        let ratio = reported.reduce(0, +) / Double(reported.count) / target
        if abs(1 - ratio) <= tolerance { return current }
        let missing = current - reported.count
        guard missing > 0 else { return Int((ratio * Double(current)).rounded(.up)) }
        // Assume the worst for the direction of travel: a pod with no metric yet might be as busy
        // as the target (scale-down) or idle (scale-up). This damps the move, never reverses it.
        let assumed = ratio < 1 ? target : 0
        let adjusted = (reported.reduce(0, +) + assumed * Double(missing)) / Double(current) / target
        if abs(1 - adjusted) <= tolerance { return current }
        return Int((adjusted * Double(current)).rounded(.up))
    }
}
