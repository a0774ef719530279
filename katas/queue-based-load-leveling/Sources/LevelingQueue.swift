import KataHarness

/// The producer's answer from `offer`.
public enum Offer: Equatable, Sendable {
    case accepted
    /// The queue is full: try again after `retryAfter`, when the consumer takes the next message.
    case rejected(retryAfter: Duration)
}

/// A message the consumer started, and when.
public struct Processed: Equatable, Sendable {
    public let id: Int
    public let startedAt: VirtualClock.Instant

    public init(id: Int, startedAt: VirtualClock.Instant) {
        self.id = id
        self.startedAt = startedAt
    }
}

/// What happened to every message offered so far.
public struct LevelingStats: Equatable, Sendable {
    public var accepted: Int
    public var rejected: Int
    public var expired: Int
    public var processed: Int

    public init(accepted: Int = 0, rejected: Int = 0, expired: Int = 0, processed: Int = 0) {
        self.accepted = accepted
        self.rejected = rejected
        self.expired = expired
        self.processed = processed
    }
}

/// A bounded queue between bursty producers and one consumer that works at a steady pace.
///
/// The consumer takes the oldest message as soon as it is free and spends `serviceTime` on it.
/// A message whose deadline has come by the time the consumer takes it is dropped unprocessed,
/// costing no time. When `capacity` messages are waiting, `offer` refuses: that is the
/// backpressure the producer sees. Nothing runs in the background: every call first lets the
/// consumer catch up to the clock's `now`, exactly as if it had been running all along.
public final class LevelingQueue {
    public let capacity: Int
    public let serviceTime: Duration

    private let clock: VirtualClock

    public init(capacity: Int, serviceTime: Duration, clock: VirtualClock) {
        self.capacity = capacity
        self.serviceTime = serviceTime
        self.clock = clock
    }

    /// A producer hands over a message that is worth processing only before `deadline`.
    public func offer(id: Int, deadline: VirtualClock.Instant) -> Offer {
        // TODO(kata): let the consumer catch up, then accept or reject with a retryAfter.
        .rejected(retryAfter: .zero)
    }

    /// Messages waiting for the consumer (the one in service is not counted).
    public var depth: Int {
        // TODO(kata)
        0
    }

    public var stats: LevelingStats {
        // TODO(kata): count every outcome.
        LevelingStats()
    }

    /// Every message the consumer started, in order.
    public var processed: [Processed] {
        // TODO(kata)
        []
    }

    /// The ids of messages dropped because their deadline came before the consumer did, in order.
    public var expired: [Int] {
        // TODO(kata)
        []
    }
}
