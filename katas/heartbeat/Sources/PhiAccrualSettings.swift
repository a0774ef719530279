/// The knobs of a φ accrual detector. The defaults are Akka Cluster's (`akka.cluster.failure-detector`
/// in Akka's reference configuration); Akka's own detector is the model this kata follows.
public struct PhiAccrualSettings: Equatable, Sendable {
    /// The peer counts as available while φ is below this. Akka and Cassandra both default to 8.
    public var threshold: Double
    /// How many inter-arrival intervals the window keeps; the oldest is dropped beyond this.
    public var maxSampleSize: Int
    /// A floor on the standard deviation, so a perfectly regular link does not make φ explode
    /// after a few milliseconds of delay.
    public var minStdDeviation: Duration
    /// Silence tolerated on top of the learned mean (a GC pause, a busy network), added to the mean.
    public var acceptableHeartbeatPause: Duration
    /// The interval assumed before any has been measured: the first heartbeat seeds the window
    /// with `estimate − estimate/4` and `estimate + estimate/4`.
    public var firstHeartbeatEstimate: Duration

    public init(
        threshold: Double = 8,
        maxSampleSize: Int = 1_000,
        minStdDeviation: Duration = .milliseconds(100),
        acceptableHeartbeatPause: Duration = .seconds(3),
        firstHeartbeatEstimate: Duration = .seconds(1)
    ) {
        self.threshold = threshold
        self.maxSampleSize = maxSampleSize
        self.minStdDeviation = minStdDeviation
        self.acceptableHeartbeatPause = acceptableHeartbeatPause
        self.firstHeartbeatEstimate = firstHeartbeatEstimate
    }
}
