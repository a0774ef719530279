import KataHarness

/// An immutable fact, published to a topic. `id` is the producer's: a producer that retries a
/// publish sends the same id again, and consumers deduplicate by it.
public struct Event: Hashable, Sendable, CustomStringConvertible {
    public let id: String
    public let topic: String
    public let payload: String

    public init(id: String, topic: String, payload: String = "") {
        self.id = id
        self.topic = topic
        self.payload = payload
    }

    public var description: String { "\(topic)/\(id)" }
}

/// One attempt to hand an event to one subscription.
public struct Delivery: Equatable, Sendable {
    public let event: Event
    public let subscription: String
    /// 1 for the first delivery, 2 for the first retry, and so on (Pub/Sub's delivery attempt).
    public let attempt: Int

    public init(event: Event, subscription: String, attempt: Int) {
        self.event = event
        self.subscription = subscription
        self.attempt = attempt
    }
}

/// A subscription's handler: returning acknowledges the event, throwing rejects this attempt.
public typealias EventHandler = (Delivery) throws -> Void

/// How a subscription retries, with Google Cloud Pub/Sub's defaults: exponential backoff from
/// 10 s to at most 600 s, and a dead letter after 5 delivery attempts.
public struct RetryPolicy: Equatable, Sendable {
    /// Delivery attempts, the first one included, before an event is dead-lettered.
    public var maxDeliveryAttempts: Int
    /// The wait after the first failed attempt; each further failure doubles it.
    public var minimumBackoff: Duration
    /// No wait is longer than this.
    public var maximumBackoff: Duration

    public init(maxDeliveryAttempts: Int = 5, minimumBackoff: Duration = .seconds(10), maximumBackoff: Duration = .seconds(600)) {
        precondition(maxDeliveryAttempts >= 1, "an event is delivered at least once")
        precondition(minimumBackoff > .zero && minimumBackoff <= maximumBackoff, "0 < minimumBackoff <= maximumBackoff")
        self.maxDeliveryAttempts = maxDeliveryAttempts
        self.minimumBackoff = minimumBackoff
        self.maximumBackoff = maximumBackoff
    }
}

/// A delivery waiting for its turn: a new event, or one whose earlier attempts failed.
public struct PendingDelivery: Equatable, Sendable, CustomStringConvertible {
    public let event: Event
    /// Attempts so far, all failed (0 for an event not yet delivered).
    public let failedAttempts: Int
    /// When it will next be delivered.
    public let dueAt: VirtualClock.Instant

    public init(event: Event, failedAttempts: Int, dueAt: VirtualClock.Instant) {
        self.event = event
        self.failedAttempts = failedAttempts
        self.dueAt = dueAt
    }

    public var description: String { "\(event) after \(failedAttempts) failure(s), due \(dueAt)" }
}

/// An event a subscription gave up on.
public struct DeadLetter: Equatable, Sendable, CustomStringConvertible {
    public let event: Event
    /// Every attempt made, all failed: the policy's `maxDeliveryAttempts`.
    public let attempts: Int
    /// When the last attempt failed.
    public let failedAt: VirtualClock.Instant

    public init(event: Event, attempts: Int, failedAt: VirtualClock.Instant) {
        self.event = event
        self.attempts = attempts
        self.failedAt = failedAt
    }

    public var description: String { "\(event) dead after \(attempts) attempt(s) at \(failedAt)" }
}
