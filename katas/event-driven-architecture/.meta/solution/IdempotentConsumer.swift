/// Wraps a subscriber's work so that each event id is applied once, however often it arrives.
///
/// At-least-once delivery repeats events: an acknowledgement is lost, or a producer publishes the
/// same event twice. `handle` applies an event whose id it has not applied yet and remembers the
/// id; a repeat is skipped, counted, and acknowledged. An `apply` that throws applied nothing, so
/// the id is not remembered and the error is rethrown: the bus retries and the retry applies it.
public final class IdempotentConsumer {
    private let apply: (Event) throws -> Void
    /// The ids applied so far.
    public private(set) var appliedIDs: Set<String> = []
    /// Deliveries skipped because their event had been applied already.
    public private(set) var duplicatesSkipped = 0

    public init(apply: @escaping (Event) throws -> Void) {
        self.apply = apply
    }

    /// The subscription's handler: pass it to `EventBus.subscribe` as `consumer.handle`.
    public func handle(_ delivery: Delivery) throws {
        guard !appliedIDs.contains(delivery.event.id) else {
            duplicatesSkipped += 1
            return
        }
        try apply(delivery.event)
        appliedIDs.insert(delivery.event.id)
    }
}
