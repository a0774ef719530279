import KataHarness

/// A publish/subscribe bus with at-least-once delivery, where every subscription retries and
/// dead-letters on its own.
///
/// - `publish` gives the event to every subscription of its topic that exists at that moment,
///   due at once. A topic with no subscriptions drops the event; a later subscription never sees it.
/// - `run(until:)` delivers every delivery due up to the deadline, earliest first, moving the
///   clock to each one's due instant; deliveries due at the same instant go in publish order, and
///   one event's in subscription order. Events handlers publish are delivered in the same run when
///   due in time. The clock ends at the deadline.
/// - A handler that returns acknowledges the event: it is done for that subscription. One that
///   throws gets the event again after a backoff: `minimumBackoff` after the first failed attempt,
///   doubling with every further one, never more than `maximumBackoff`.
/// - The attempt that fails `maxDeliveryAttempts` times in all moves the event to that
///   subscription's dead letters instead.
/// - A failing event holds up nothing else: not the subscription's later events, and not other
///   subscriptions of the topic.
public final class EventBus {
    private let clock: VirtualClock
    public let policy: RetryPolicy
    // TODO(kata): the subscriptions (name, topic, handler, dead letters) and the deliveries still
    // to make (event, subscription, failed attempts so far, due instant), kept in delivery order.

    public init(clock: VirtualClock, policy: RetryPolicy = RetryPolicy()) {
        self.clock = clock
        self.policy = policy
    }

    /// Adds the subscription `name` (unique on the bus) to `topic`.
    public func subscribe(_ name: String, to topic: String, handler: @escaping EventHandler) {
        // TODO(kata): remember the subscription.
    }

    /// Schedules `event` for every current subscription of its topic, due now.
    public func publish(_ event: Event) {
        // TODO(kata): one delivery per subscription of `event.topic`, due at `clock.now`.
    }

    /// Delivers, earliest first, every delivery due by `deadline`; see the type's contract.
    public func run(until deadline: VirtualClock.Instant) {
        // TODO(kata): while the earliest delivery is due by `deadline`: move the clock to it, call
        // the handler with attempt = failures + 1; on a throw, dead-letter after
        // `maxDeliveryAttempts` or schedule again after the backoff. Then move the clock on.
        clock.advance(to: deadline)
    }

    /// The subscription's deliveries still to make, in the order they will be made.
    public func pending(of subscription: String) -> [PendingDelivery] {
        // TODO(kata)
        []
    }

    /// The events the subscription gave up on, in the order it gave up.
    public func deadLetters(of subscription: String) -> [DeadLetter] {
        // TODO(kata)
        []
    }
}
