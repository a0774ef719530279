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
    private var waiting: [(id: Int, deadline: VirtualClock.Instant, enqueuedAt: VirtualClock.Instant)] = []
    /// When the consumer finishes the message it is on (or finished its last one).
    private var consumerFreeAt: VirtualClock.Instant
    private var counts = LevelingStats()
    private var started: [Processed] = []
    private var dropped: [Int] = []

    public init(capacity: Int, serviceTime: Duration, clock: VirtualClock) {
        self.capacity = capacity
        self.serviceTime = serviceTime
        self.clock = clock
        self.consumerFreeAt = clock.now
    }

    /// A producer hands over a message that is worth processing only before `deadline`.
    public func offer(id: Int, deadline: VirtualClock.Instant) -> Offer {
        catchUp()
        guard waiting.count < capacity else {
            counts.rejected += 1
            return .rejected(retryAfter: consumerFreeAt - clock.now)
        }
        counts.accepted += 1
        waiting.append((id, deadline, clock.now))
        return .accepted
    }

    /// Messages waiting for the consumer (the one in service is not counted).
    public var depth: Int {
        catchUp()
        return waiting.count
    }

    public var stats: LevelingStats {
        catchUp()
        return counts
    }

    /// Every message the consumer started, in order.
    public var processed: [Processed] {
        catchUp()
        return started
    }

    /// The ids of messages dropped because their deadline came before the consumer did, in order.
    public var expired: [Int] {
        catchUp()
        return dropped
    }

    /// Runs the consumer up to `now`: it takes each message at the later of the moment it is free
    /// and the moment the message arrived.
    private func catchUp() {
        while let head = waiting.first {
            let start = max(consumerFreeAt, head.enqueuedAt)
            guard start <= clock.now else { return }
            waiting.removeFirst()
            if head.deadline <= start {
                counts.expired += 1
                dropped.append(head.id)
            } else {
                counts.processed += 1
                started.append(Processed(id: head.id, startedAt: start))
                consumerFreeAt = start + serviceTime
            }
        }
    }
}
