import KataHarness

/// One write a region acknowledged to its client.
public struct AcknowledgedWrite: Equatable, Sendable, CustomStringConvertible {
    public let key: String
    public let value: String
    /// The region that accepted it: the primary of `epoch`.
    public let region: String
    public let epoch: Int
    public let acknowledgedAt: VirtualClock.Instant

    public init(key: String, value: String, region: String, epoch: Int, acknowledgedAt: VirtualClock.Instant) {
        self.key = key
        self.value = value
        self.region = region
        self.epoch = epoch
        self.acknowledgedAt = acknowledgedAt
    }

    public var description: String { "\(key)=\(value) in \(region) at \(acknowledgedAt) (epoch \(epoch))" }
}

/// The answer a region gives to a client's write.
public enum WriteOutcome: Equatable, Sendable {
    case accepted
    /// The region is down: the client never reached it.
    case unavailable
    /// The region does not hold the current epoch: it is a standby, or a former primary that came
    /// back believing it still leads. The client is told where writes go now.
    case fenced(primary: String, epoch: Int)
    /// The region was promoted by a planned switchover and still waits for writes in flight to it.
    case catchingUp
}

/// What one change of primary cost.
public struct FailoverReport: Equatable, Sendable {
    public let from: String
    public let to: String
    /// The epoch the new primary holds.
    public let epoch: Int
    /// A switchover asked for while the old primary was up; it loses nothing.
    public let planned: Bool
    /// The instant the old primary failed (unplanned), or the instant of the switchover (planned).
    public let startedAt: VirtualClock.Instant
    /// Acknowledged writes that no surviving region had received, in the order they were acknowledged.
    public let lostWrites: [AcknowledgedWrite]
    /// The recovery point actually achieved: how old the oldest lost write was at `startedAt`
    /// (every write acknowledged since then is gone); zero when nothing was lost.
    public let rpo: Duration
    /// The recovery time actually achieved: from `startedAt` to the first write the new primary
    /// accepted; nil until it has accepted one.
    public internal(set) var rto: Duration?

    public init(
        from: String, to: String, epoch: Int, planned: Bool, startedAt: VirtualClock.Instant,
        lostWrites: [AcknowledgedWrite], rpo: Duration, rto: Duration? = nil
    ) {
        self.from = from
        self.to = to
        self.epoch = epoch
        self.planned = planned
        self.startedAt = startedAt
        self.lostWrites = lostWrites
        self.rpo = rpo
        self.rto = rto
    }
}
