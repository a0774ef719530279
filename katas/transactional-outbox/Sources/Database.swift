// The infrastructure this kata gives you: the order and outbox tables of the shared
// `TransactionalStore` (see katas/README.md), and the broker's interface. You do not need to change
// this file.
import KataHarness

/// A row in the `orders` table.
public struct Order: Equatable, Sendable {
    public var id: String
    public var amount: Int

    public init(id: String, amount: Int) {
        self.id = id
        self.amount = amount
    }
}

/// A row in the `outbox` table: an event waiting to be published.
public struct OutboxRow: Equatable, Sendable {
    /// Assigned by the store, increasing in commit order: publish in this order.
    public let sequence: Int
    /// Unique per event and fixed when the row is written, so every redelivery carries the same id.
    public let messageId: String
    public let topic: String
    public let payload: String
    public internal(set) var published: Bool
}

private let ordersTable = Table<Order>("orders")
private let outboxTable = Table<OutboxRow>("outbox")

extension StoreTransaction {
    /// Inserts an order. - Throws: `StoreError.duplicateKey` if its id exists.
    public func insert(_ order: Order) throws {
        try insert(order, key: order.id, into: ordersTable)
    }

    /// Appends an event to the outbox; the store assigns its sequence and message id.
    @discardableResult
    public func appendToOutbox(topic: String, payload: String) -> OutboxRow {
        // Rows are never deleted here, so the next sequence is one past the row count.
        let sequence = rows(in: outboxTable).count + 1
        let row = OutboxRow(
            sequence: sequence, messageId: "msg-\(sequence)", topic: topic, payload: payload, published: false
        )
        save(row, key: row.messageId, in: outboxTable)
        return row
    }

    /// Marks the outbox row with this sequence number as published.
    public func markPublished(sequence: Int) {
        guard var row = rows(in: outboxTable).first(where: { $0.sequence == sequence }) else { return }
        row.published = true
        save(row, key: row.messageId, in: outboxTable)
    }
}

extension TransactionalStore {
    /// The committed orders by id.
    public var orders: [String: Order] {
        Dictionary(uniqueKeysWithValues: rows(in: ordersTable).map { ($0.id, $0) })
    }

    /// Every committed outbox row, in `sequence` order.
    public var outbox: [OutboxRow] {
        rows(in: outboxTable)
    }

    /// The committed rows not yet marked published, oldest first.
    public var unpublishedOutboxRows: [OutboxRow] {
        outbox.filter { !$0.published }
    }
}

/// A message as it travels through the broker.
public struct Message: Equatable, Sendable {
    public var id: String
    public var topic: String
    public var payload: String

    public init(id: String, topic: String, payload: String) {
        self.id = id
        self.topic = topic
        self.payload = payload
    }
}

/// A message broker (Kafka, RabbitMQ, SNS…) as the relay sees it.
public protocol MessageBroker: AnyObject {
    /// Returns once the broker has acknowledged the message. A throw means "not acknowledged":
    /// the message may or may not have reached the broker.
    func publish(_ message: Message) throws
}
