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
        // TODO(kata): the ratio of the reporting pods' average to the target; the tolerance; the
        // ceiling; then the second pass that fills in the missing pods.
        return podMetrics.count
    }
}
