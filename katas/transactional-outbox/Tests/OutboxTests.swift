import KataHarness
import Testing
import TransactionalOutboxKata

/// What the fake broker does with one publish.
enum BrokerAnswer {
    /// Stores the message and acknowledges it.
    case ack
    /// Stores the message, but the acknowledgement is lost on the way back: the publisher sees a
    /// timeout although the message arrived.
    case loseAck
}

/// A broker whose answers the test scripts: `.respond(.ack)`, `.respond(.loseAck)`, or
/// `.fail(fault)` for a refusal (the message does not arrive).
final class FakeBroker: MessageBroker {
    let answers: ScriptedDependency<BrokerAnswer>
    /// Every message that reached the broker, duplicates included, in arrival order.
    private(set) var received: [Message] = []

    init(_ script: [ScriptedDependency<BrokerAnswer>.Step] = []) {
        answers = ScriptedDependency(clock: VirtualClock(), script: script, then: .respond(.ack))
    }

    func publish(_ message: Message) throws {
        switch try answers.call() {
        case .ack:
            received.append(message)
        case .loseAck:
            received.append(message)
            throw InjectedFault.timedOut
        }
    }

    var receivedPayloads: [String] { received.map(\.payload) }
}

/// Places orders with the service under test.
private func placeOrders(_ ids: [String], in database: Database) throws {
    let service = OrderService(database: database)
    for id in ids {
        try service.placeOrder(Order(id: id, amount: 100))
    }
}

/// Commits orders and their outbox rows directly, so that the relay's tests do not depend on
/// your `OrderService`.
private func commitOrders(_ ids: [String], in database: Database) throws {
    for id in ids {
        try database.transaction { tx in
            try tx.insert(Order(id: id, amount: 100))
            tx.appendToOutbox(topic: orderPlacedTopic, payload: id)
        }
    }
}

@Suite("Transactional outbox")
struct OutboxTests {
    @Test("Placing an order stores the order and its event together, and sends nothing yet")
    func orderAndEventCommitTogether() throws {
        let database = Database()
        let broker = FakeBroker()
        _ = OutboxRelay(database: database, broker: broker)

        try placeOrders(["o1"], in: database)

        #expect(database.orders["o1"] == Order(id: "o1", amount: 100), "placeOrder did not store the order")
        #expect(
            database.outbox.map(\.topic) == [orderPlacedTopic] && database.outbox.map(\.payload) == ["o1"],
            "placing order o1 should write one OrderPlaced outbox row with payload \"o1\", but the outbox is \(database.outbox)"
        )
        #expect(broker.received.isEmpty, "something reached the broker before the relay ran: the service must only write to the outbox")
    }

    @Test("An order that is rolled back leaves no event behind")
    func rollbackLeavesNoEvent() throws {
        let database = Database()
        let service = OrderService(database: database)
        try service.placeOrder(Order(id: "o1", amount: 100))

        #expect(throws: DatabaseError.duplicateKey("o1"), "placing a second order with the same id did not throw duplicateKey") {
            try service.placeOrder(Order(id: "o1", amount: 999))
        }
        database.failNextCommits = 1
        #expect(throws: DatabaseError.commitFailed, "placeOrder did not throw when its commit failed") {
            try service.placeOrder(Order(id: "o2", amount: 100))
        }

        #expect(
            database.outbox.count == 1,
            "two placements failed, yet their events were committed: the outbox row must be written in the order's own transaction (outbox: \(database.outbox))"
        )
        #expect(database.orders.keys.sorted() == ["o1"], "only o1 should exist, but the orders are \(database.orders.keys.sorted())")
    }

    @Test("The relay publishes pending events oldest first and marks them published")
    func relayPublishesInOrder() throws {
        let database = Database()
        let broker = FakeBroker()
        let relay = OutboxRelay(database: database, broker: broker)
        try commitOrders(["o1", "o2", "o3"], in: database)

        let count = relay.runOnce()

        #expect(broker.receivedPayloads == ["o1", "o2", "o3"], "the broker got \(broker.receivedPayloads) instead of every pending event, oldest first")
        #expect(broker.received.map(\.id) == database.outbox.map(\.messageId), "the message ids \(broker.received.map(\.id)) are not the outbox rows' messageIds, so consumers cannot deduplicate")
        #expect(count == 3, "runOnce published 3 events but returned \(count)")
        #expect(database.unpublishedOutboxRows.isEmpty, "acknowledged rows were not marked published; still pending: \(database.unpublishedOutboxRows)")
    }

    @Test("Acknowledged events are not published again")
    func acknowledgedEventsAreDone() throws {
        let database = Database()
        let broker = FakeBroker()
        let relay = OutboxRelay(database: database, broker: broker)
        try commitOrders(["o1", "o2"], in: database)

        relay.runOnce()
        let again = relay.runOnce()
        try commitOrders(["o3"], in: database)
        relay.runOnce()

        #expect(again == 0, "a second run with nothing new published \(again) events")
        #expect(broker.receivedPayloads == ["o1", "o2", "o3"], "acknowledged events were sent again (are rows marked published?); the broker got \(broker.receivedPayloads)")
    }

    @Test("An event the broker refused stays pending and is published on the next run")
    func refusedEventIsRetried() throws {
        let database = Database()
        let broker = FakeBroker([.fail(.connectionRefused)])
        let relay = OutboxRelay(database: database, broker: broker)
        try commitOrders(["o1"], in: database)

        let first = relay.runOnce()
        #expect(first == 0, "the broker refused the only event, yet runOnce returned \(first)")
        #expect(
            database.unpublishedOutboxRows.map(\.payload) == ["o1"],
            "the refused event is no longer pending: it was marked published before the broker acknowledged it, so it is lost"
        )

        relay.runOnce()
        #expect(broker.receivedPayloads == ["o1"], "the next run did not publish the refused event; the broker got \(broker.receivedPayloads)")
    }

    @Test("A refused event holds back the events after it, so order is kept")
    func refusalPreservesOrder() throws {
        let database = Database()
        let broker = FakeBroker([.respond(.ack), .fail(.connectionReset)])
        let relay = OutboxRelay(database: database, broker: broker)
        try commitOrders(["o1", "o2", "o3"], in: database)

        let first = relay.runOnce()
        #expect(first == 1, "only o1 was acknowledged before the broker refused o2, yet runOnce returned \(first)")
        relay.runOnce()

        #expect(
            broker.receivedPayloads == ["o1", "o2", "o3"],
            "events must reach the broker in commit order; skipping past the refused o2 delivered \(broker.receivedPayloads)"
        )
    }

    @Test("A lost acknowledgement causes a redelivery with the same message id")
    func lostAckRedelivers() throws {
        let database = Database()
        let broker = FakeBroker([.respond(.loseAck)])
        let relay = OutboxRelay(database: database, broker: broker)
        try commitOrders(["o1"], in: database)

        relay.runOnce()
        #expect(
            database.unpublishedOutboxRows.count == 1,
            "the row was marked published although its acknowledgement never came back"
        )
        relay.runOnce()

        #expect(broker.receivedPayloads == ["o1", "o1"], "after the lost ack the event should be sent again (at least once), but the broker got \(broker.receivedPayloads)")
        #expect(Set(broker.received.map(\.id)).count == 1, "the two deliveries carried different message ids \(broker.received.map(\.id)), so a consumer cannot tell they are one event")
        #expect(database.unpublishedOutboxRows.isEmpty, "the row is still pending after its redelivery was acknowledged")
    }

    @Test("A crash before the row is marked causes a redelivery, not a loss")
    func crashAfterPublishRedelivers() throws {
        let database = Database()
        let broker = FakeBroker()
        let relay = OutboxRelay(database: database, broker: broker)
        try commitOrders(["o1", "o2"], in: database)

        database.failNextCommits = 1 // the transaction that marks o1 published is lost
        let first = relay.runOnce()
        #expect(first == 0, "o1 could not be marked published, yet runOnce returned \(first)")
        #expect(broker.receivedPayloads == ["o1"], "after failing to mark o1 the relay went on (or never sent o1); the broker got \(broker.receivedPayloads) instead of [\"o1\"]")
        relay.runOnce()

        #expect(broker.receivedPayloads == ["o1", "o1", "o2"], "the next run should resend o1 and then send o2, but the broker got \(broker.receivedPayloads)")
        #expect(database.unpublishedOutboxRows.isEmpty, "rows are still pending after a clean run: \(database.unpublishedOutboxRows)")
    }

    @Test("The consumer ships each order once however often its event arrives")
    func consumerDeduplicates() {
        let shipping = ShippingConsumer()
        let o1 = Message(id: "msg-1", topic: orderPlacedTopic, payload: "o1")
        let o2 = Message(id: "msg-2", topic: orderPlacedTopic, payload: "o2")

        let o3 = Message(id: "msg-3", topic: orderPlacedTopic, payload: "o3")
        shipping.receive(o3)
        #expect(shipping.shipments == ["o3"], "the first delivery of an event should ship its order at once, but shipments are \(shipping.shipments)")

        // What a relay delivers after a lost ack on o1 and another on o2, plus an unrelated event.
        for message in [o1, o1, o2, o2, o3] { shipping.receive(message) }
        shipping.receive(Message(id: "msg-4", topic: "PaymentCaptured", payload: "o1"))

        #expect(
            shipping.shipments == ["o3", "o1", "o2"],
            "shipped \(shipping.shipments) instead of o3, o1 and o2 once each: redeliveries (same message id) and other topics must be ignored"
        )
    }
}
