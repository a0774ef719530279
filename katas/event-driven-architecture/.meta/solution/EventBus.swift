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
    private struct Subscription {
        let name: String
        let topic: String
        let handler: EventHandler
        var deadLetters: [DeadLetter] = []
    }

    private struct Scheduled {
        let event: Event
        let subscription: Int
        var failedAttempts: Int
        var dueAt: VirtualClock.Instant
    }

    private let clock: VirtualClock
    public let policy: RetryPolicy
    private var subscriptions: [Subscription] = []
    /// In delivery order: by due instant, and in the order scheduled among equals. That is publish
    /// order: an older event due with a newer one has failed at least as often, so its last
    /// backoff was at least as long and it was scheduled first.
    private var scheduled: [Scheduled] = []

    public init(clock: VirtualClock, policy: RetryPolicy = RetryPolicy()) {
        self.clock = clock
        self.policy = policy
    }

    /// Adds the subscription `name` (unique on the bus) to `topic`.
    public func subscribe(_ name: String, to topic: String, handler: @escaping EventHandler) {
        precondition(!subscriptions.contains { $0.name == name }, "subscription \(name) exists already")
        subscriptions.append(Subscription(name: name, topic: topic, handler: handler))
    }

    /// Schedules `event` for every current subscription of its topic, due now.
    public func publish(_ event: Event) {
        for index in subscriptions.indices where subscriptions[index].topic == event.topic {
            schedule(Scheduled(event: event, subscription: index, failedAttempts: 0, dueAt: clock.now))
        }
    }

    /// Delivers, earliest first, every delivery due by `deadline`; see the type's contract.
    public func run(until deadline: VirtualClock.Instant) {
        while let first = scheduled.first, first.dueAt <= deadline {
            var delivery = scheduled.removeFirst()
            clock.advance(to: delivery.dueAt)
            let subscription = subscriptions[delivery.subscription]
            do {
                try subscription.handler(Delivery(event: delivery.event, subscription: subscription.name, attempt: delivery.failedAttempts + 1))
            } catch {
                delivery.failedAttempts += 1
                if delivery.failedAttempts == policy.maxDeliveryAttempts {
                    subscriptions[delivery.subscription].deadLetters.append(
                        DeadLetter(event: delivery.event, attempts: delivery.failedAttempts, failedAt: clock.now))
                } else {
                    delivery.dueAt = clock.now + backoff(afterFailures: delivery.failedAttempts)
                    schedule(delivery)
                }
            }
        }
        clock.advance(to: deadline)
    }

    /// The subscription's deliveries still to make, in the order they will be made.
    public func pending(of subscription: String) -> [PendingDelivery] {
        scheduled.filter { subscriptions[$0.subscription].name == subscription }
            .map { PendingDelivery(event: $0.event, failedAttempts: $0.failedAttempts, dueAt: $0.dueAt) }
    }

    /// The events the subscription gave up on, in the order it gave up.
    public func deadLetters(of subscription: String) -> [DeadLetter] {
        subscriptions.first { $0.name == subscription }?.deadLetters ?? []
    }

    /// Inserts after every delivery due no later, keeping `scheduled` in delivery order.
    private func schedule(_ delivery: Scheduled) {
        let index = scheduled.firstIndex { $0.dueAt > delivery.dueAt } ?? scheduled.endIndex
        scheduled.insert(delivery, at: index)
    }

    /// minimumBackoff doubled for each failure after the first, capped at maximumBackoff. Doubling
    /// stops at the cap, so no failure count overflows.
    private func backoff(afterFailures failures: Int) -> Duration {
        var delay = policy.minimumBackoff
        for _ in 1..<failures {
            delay = min(delay * 2, policy.maximumBackoff)
        }
        return delay
    }
}
