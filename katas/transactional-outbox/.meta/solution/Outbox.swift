import KataHarness

/// The topic of the event written for every new order; its payload is the order id.
public let orderPlacedTopic = "OrderPlaced"

/// Places orders. The `OrderPlaced` event is never sent from here: it is written to the outbox in
/// the same transaction as the order, so there is an event exactly when there is an order.
public final class OrderService {
    private let store: TransactionalStore

    public init(store: TransactionalStore) {
        self.store = store
    }

    /// Stores `order` and its `OrderPlaced` event (payload: the order id) atomically.
    ///
    /// - Throws: a `StoreError` (or `SimulatedCrash`) if the order could not be stored. Unless it
    ///   is `outcomeUnknown`, no event exists either; after `outcomeUnknown`, both or neither do.
    public func placeOrder(_ order: Order) throws {
        try store.transaction { tx in
            try tx.insert(order)
            // Same transaction: if the insert or the commit fails, this row vanishes with it.
            tx.appendToOutbox(topic: orderPlacedTopic, payload: order.id)
        }
    }
}

/// Moves committed outbox rows to the broker, at least once and in order.
///
/// A real relay runs `runOnce()` on a timer (or tails the database log); tests call it directly.
public final class OutboxRelay {
    private let store: TransactionalStore
    private let broker: any MessageBroker

    public init(store: TransactionalStore, broker: any MessageBroker) {
        self.store = store
        self.broker = broker
    }

    /// Publishes the unpublished rows oldest first. Each row is marked published, in a transaction
    /// of its own, as soon as the broker acknowledged it, so a crash resends at most the one event
    /// in flight. At the first refusal (or failure to record the mark) it stops, so that no event
    /// overtakes an earlier one; the next run starts again from the oldest unpublished row.
    ///
    /// - Returns: how many rows were published and marked in this run.
    @discardableResult
    public func runOnce() -> Int {
        var published = 0
        for row in store.unpublishedOutboxRows {
            let message = Message(id: row.messageId, topic: row.topic, payload: row.payload)
            do {
                try broker.publish(message)
            } catch {
                // Not acknowledged: it may or may not have arrived. Keep the row and try again
                // next run; skipping ahead would deliver later events before this one.
                break
            }
            do {
                try store.transaction { tx in tx.markPublished(sequence: row.sequence) }
            } catch {
                // The broker has the message but we could not record it (or cannot tell whether
                // we did): the next run may send it again. That duplicate is the price of at
                // least once; consumers deduplicate.
                break
            }
            published += 1
        }
        return published
    }
}

/// A downstream service that ships each placed order once.
///
/// The relay delivers at least once, so the same message can arrive twice; it is recognised by
/// its id and ignored.
public final class ShippingConsumer {
    /// The order ids shipped, in the order they were shipped.
    public private(set) var shipments: [String] = []
    private var processed: Set<String> = []

    public init() {}

    /// Handles one delivery of `message`: ships the order in an `OrderPlaced` event, once per
    /// message id; ignores redeliveries and other topics.
    public func receive(_ message: Message) {
        guard message.topic == orderPlacedTopic else { return }
        guard processed.insert(message.id).inserted else { return }
        shipments.append(message.payload)
    }
}
