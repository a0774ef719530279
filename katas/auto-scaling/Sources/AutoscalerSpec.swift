/// What a HorizontalPodAutoscaler is told: the bounds and the per-pod target of one metric.
///
/// The defaults are Kubernetes': `minReplicas` 1, a tolerance of 0.1
/// (`--horizontal-pod-autoscaler-tolerance`) and a 300 s scale-down stabilisation window
/// (`--horizontal-pod-autoscaler-downscale-stabilization`, or `behavior.scaleDown.stabilizationWindowSeconds`).
public struct AutoscalerSpec: Equatable, Sendable {
    public var minReplicas: Int
    public var maxReplicas: Int
    /// The desired average of the metric per pod (for example 0.5 CPU cores, or 100 requests/s).
    public var targetAverageValue: Double
    /// Ratios within this distance of 1 do not scale.
    public var tolerance: Double
    /// How far back a scale-down looks for a higher recommendation.
    public var downscaleStabilizationWindow: Duration

    public init(
        minReplicas: Int = 1,
        maxReplicas: Int,
        targetAverageValue: Double,
        tolerance: Double = 0.1,
        downscaleStabilizationWindow: Duration = .seconds(300)
    ) {
        self.minReplicas = minReplicas
        self.maxReplicas = maxReplicas
        self.targetAverageValue = targetAverageValue
        self.tolerance = tolerance
        self.downscaleStabilizationWindow = downscaleStabilizationWindow
    }
}
