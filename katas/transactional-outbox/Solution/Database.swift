// The infrastructure this kata gives you: an in-memory database with transactions, and the
// broker's interface. You do not need to change this file.

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
    /// Assigned by the database, increasing in commit order: publish in this order.
    public let sequence: Int
    /// Unique per event and fixed when the row is written, so every redelivery carries the same id.
    public let messageId: String
    public let topic: String
    public let payload: String
    public internal(set) var published: Bool
}

public enum DatabaseError: Error, Equatable, Sendable {
    case duplicateKey(String)
    /// The commit did not happen (the disk failed, the process died): nothing in it was applied.
    case commitFailed
}

/// An in-memory database with all-or-nothing transactions.
///
/// Writes go through `transaction`: if the body throws, or the commit fails, none of its writes
/// become visible. Outside a transaction you can only read what has been committed.
public final class Database: @unchecked Sendable {
    public private(set) var orders: [String: Order] = [:]
    /// Every committed outbox row, in `sequence` order.
    public private(set) var outbox: [OutboxRow] = []
    private var nextSequence = 1

    /// Test hook: the next this-many commits fail with `DatabaseError.commitFailed`.
    public var failNextCommits = 0

    public init() {}

    /// The committed rows not yet marked published, oldest first.
    public var unpublishedOutboxRows: [OutboxRow] {
        outbox.filter { !$0.published }
    }

    /// Runs `body` in a transaction and commits its writes atomically.
    ///
    /// - Throws: whatever `body` throws (the transaction rolls back), or
    ///   `DatabaseError.commitFailed` when a test made the commit fail.
    @discardableResult
    public func transaction<T>(_ body: (Transaction) throws -> T) throws -> T {
        let tx = Transaction(orders: orders, outbox: outbox, nextSequence: nextSequence)
        let result = try body(tx)
        if failNextCommits > 0 {
            failNextCommits -= 1
            throw DatabaseError.commitFailed
        }
        orders = tx.orders
        outbox = tx.outbox
        nextSequence = tx.nextSequence
        return result
    }
}

/// The writes of one transaction, invisible to everyone else until it commits.
public final class Transaction {
    fileprivate var orders: [String: Order]
    fileprivate var outbox: [OutboxRow]
    fileprivate var nextSequence: Int

    fileprivate init(orders: [String: Order], outbox: [OutboxRow], nextSequence: Int) {
        self.orders = orders
        self.outbox = outbox
        self.nextSequence = nextSequence
    }

    /// Inserts an order. - Throws: `DatabaseError.duplicateKey` if the id exists.
    public func insert(_ order: Order) throws {
        guard orders[order.id] == nil else {
            throw DatabaseError.duplicateKey(order.id)
        }
        orders[order.id] = order
    }

    /// Appends an event to the outbox; the database assigns its sequence and message id.
    @discardableResult
    public func appendToOutbox(topic: String, payload: String) -> OutboxRow {
        let row = OutboxRow(
            sequence: nextSequence, messageId: "msg-\(nextSequence)",
            topic: topic, payload: payload, published: false
        )
        nextSequence += 1
        outbox.append(row)
        return row
    }

    /// Marks the outbox row with this sequence number as published.
    public func markPublished(sequence: Int) {
        if let index = outbox.firstIndex(where: { $0.sequence == sequence }) {
            outbox[index].published = true
        }
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
