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
        // TODO(kata): in ONE `store.transaction { tx in … }`, insert the order and append an
        // outbox row with topic `orderPlacedTopic` and the order id as payload.
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
        // TODO(kata): for each row in `store.unpublishedOutboxRows`: publish a `Message` with
        // the row's messageId, topic and payload; once acknowledged, mark the row published in a
        // transaction. Stop at the first error.
        return 0
    }
}

/// A downstream service that ships each placed order once.
///
/// The relay delivers at least once, so the same message can arrive twice; it is recognised by
/// its id and ignored.
public final class ShippingConsumer {
    /// The order ids shipped, in the order they were shipped.
    public private(set) var shipments: [String] = []

    public init() {}

    /// Handles one delivery of `message`: ships the order in an `OrderPlaced` event, once per
    /// message id; ignores redeliveries and other topics.
    public func receive(_ message: Message) {
        // TODO(kata): remember which message ids you have handled; ship only new ones.
    }
}
