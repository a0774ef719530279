import KataHarness
import Testing
import TransactionalOutboxKata

/// A broker on the shared fault plan: it stores what it is sent. The plan makes a publish refused
/// (`.fail` before the effect: the message does not arrive), lose its acknowledgement (`.timeOut`
/// after the effect: the message arrives, the relay sees a timeout), or kill the process.
final class FakeBroker: MessageBroker {
    static let name = "broker"
    let system: ExternalSystem<Message, Void>

    init(faults: FaultPlan) {
        system = ExternalSystem(name: Self.name, faults: faults) { _ in }
    }

    func publish(_ message: Message) throws {
        try system.call(message)
    }

    /// Every message that reached the broker, duplicates included, in arrival order.
    var received: [Message] { system.effects }
    var receivedPayloads: [String] { received.map(\.payload) }
}

/// The order service's process and the systems it writes to, all on one fault plan.
struct World {
    let faults = FaultPlan()
    let store: TransactionalStore
    let broker: FakeBroker

    init() {
        store = TransactionalStore(faults: faults)
        broker = FakeBroker(faults: faults)
    }

    /// Makes the store's next commit fail (nothing of it applied) or time out (applied, but the
    /// caller is not told), counting from the next point the process passes.
    func faultNextCommit(_ fault: FaultPlan.Fault, after pointsBefore: Int = 0) {
        faults.inject(fault, atStep: faults.passed.count + 1 + pointsBefore)
    }

    /// Marks the broker's `call`-th publish from now refused (`.fail`) or its ack lost (`.timeOut`).
    func faultPublish(_ fault: FaultPlan.Fault, call: Int = 1) {
        let moment: FaultPoint.Moment = fault == .fail ? .beforeEffect : .afterEffect
        let earlier = faults.passed.filter { $0.system == FakeBroker.name && $0.moment == moment }.count
        faults.inject(fault, at: moment, of: FakeBroker.name, occurrence: earlier + call)
    }
}

/// Places orders with the service under test.
private func placeOrders(_ ids: [String], in store: TransactionalStore) throws {
    let service = OrderService(store: store)
    for id in ids {
        try service.placeOrder(Order(id: id, amount: 100))
    }
}

/// Commits orders and their outbox rows directly, so that the relay's tests do not depend on
/// your `OrderService`.
private func commitOrders(_ ids: [String], in store: TransactionalStore) throws {
    for id in ids {
        try store.transaction { tx in
            try tx.insert(Order(id: id, amount: 100))
            tx.appendToOutbox(topic: orderPlacedTopic, payload: id)
        }
    }
}

/// The faults each replay injects at every point: a crash, and the two ways a step can fail.
private let replayedFaults: [FaultPlan.Fault] = [.crash, .fail, .timeOut]

@Suite("Transactional outbox")
struct OutboxTests {
    @Test("Placing an order stores the order and its event together, and sends nothing yet")
    func orderAndEventCommitTogether() throws {
        let world = World()
        _ = OutboxRelay(store: world.store, broker: world.broker)

        try placeOrders(["o1"], in: world.store)

        #expect(world.store.orders["o1"] == Order(id: "o1", amount: 100), "placeOrder did not store the order")
        #expect(
            world.store.outbox.map(\.topic) == [orderPlacedTopic] && world.store.outbox.map(\.payload) == ["o1"],
            "placing order o1 should write one OrderPlaced outbox row with payload \"o1\", but the outbox is \(world.store.outbox)"
        )
        #expect(world.broker.received.isEmpty, "something reached the broker before the relay ran: the service must only write to the outbox")
    }

    @Test("An order that is rolled back leaves no event behind")
    func rollbackLeavesNoEvent() throws {
        let world = World()
        let service = OrderService(store: world.store)
        try service.placeOrder(Order(id: "o1", amount: 100))

        #expect(throws: StoreError.duplicateKey(table: "orders", key: "o1"), "placing a second order with the same id did not throw duplicateKey") {
            try service.placeOrder(Order(id: "o1", amount: 999))
        }
        world.faultNextCommit(.fail)
        #expect(throws: StoreError.commitFailed, "placeOrder did not throw when its commit failed") {
            try service.placeOrder(Order(id: "o2", amount: 100))
        }

        #expect(
            world.store.outbox.count == 1,
            "two placements failed, yet their events were committed: the outbox row must be written in the order's own transaction (outbox: \(world.store.outbox))"
        )
        #expect(world.store.orders.keys.sorted() == ["o1"], "only o1 should exist, but the orders are \(world.store.orders.keys.sorted())")
    }

    @Test("Whatever fails or crashes while orders are placed, each order has exactly one event, and a retry completes them")
    func placingSurvivesEveryFaultPoint() throws {
        let orders = ["o1", "o2"]
        let dryRun = World()
        try placeOrders(orders, in: dryRun.store)
        #expect(!dryRun.faults.passed.isEmpty, "placing orders never touched the store")

        for point in dryRun.faults.passed {
            for fault in replayedFaults {
                let world = World()
                world.faults.inject(fault, atStep: point.step)
                let failure = #expect(throws: (any Error).self, "\(fault) at \(point) did not reach placeOrder's caller") {
                    try placeOrders(orders, in: world.store)
                }
                let placed = world.store.orders.keys.sorted()
                let announced = world.store.outbox.map(\.payload).sorted()
                #expect(
                    placed == announced,
                    "after \(fault) at \(point) the orders are \(placed) but the events announce \(announced): the order and its event must commit in one transaction"
                )

                // The process comes back and the caller retries; an order that did commit is a
                // duplicate, which is how the caller learns it is done.
                world.faults.restart()
                let service = OrderService(store: world.store)
                for id in orders {
                    do {
                        try service.placeOrder(Order(id: id, amount: 100))
                    } catch StoreError.duplicateKey {}
                }
                #expect(
                    world.store.orders.keys.sorted() == orders && world.store.outbox.map(\.payload).sorted() == orders,
                    "after \(fault) at \(point) (\(failure.map { "\($0)" } ?? "")) and a retry, the orders are \(world.store.orders.keys.sorted()) and the events \(world.store.outbox.map(\.payload)); each order should have exactly one"
                )
            }
        }
    }

    @Test("The relay publishes pending events oldest first and marks them published")
    func relayPublishesInOrder() throws {
        let world = World()
        let relay = OutboxRelay(store: world.store, broker: world.broker)
        try commitOrders(["o1", "o2", "o3"], in: world.store)

        let count = relay.runOnce()

        #expect(world.broker.receivedPayloads == ["o1", "o2", "o3"], "the broker got \(world.broker.receivedPayloads) instead of every pending event, oldest first")
        #expect(world.broker.received.map(\.id) == world.store.outbox.map(\.messageId), "the message ids \(world.broker.received.map(\.id)) are not the outbox rows' messageIds, so consumers cannot deduplicate")
        #expect(world.broker.received.map(\.topic) == Array(repeating: orderPlacedTopic, count: 3), "the messages carry the topics \(world.broker.received.map(\.topic)), not their rows' topic")
        #expect(count == 3, "runOnce published 3 events but returned \(count)")
        #expect(world.store.unpublishedOutboxRows.isEmpty, "acknowledged rows were not marked published; still pending: \(world.store.unpublishedOutboxRows)")
    }

    @Test("Acknowledged events are not published again")
    func acknowledgedEventsAreDone() throws {
        let world = World()
        let relay = OutboxRelay(store: world.store, broker: world.broker)
        try commitOrders(["o1", "o2"], in: world.store)

        relay.runOnce()
        let again = relay.runOnce()
        try commitOrders(["o3"], in: world.store)
        relay.runOnce()

        #expect(again == 0, "a second run with nothing new published \(again) events")
        #expect(world.broker.receivedPayloads == ["o1", "o2", "o3"], "acknowledged events were sent again (are rows marked published?); the broker got \(world.broker.receivedPayloads)")
    }

    @Test("An event the broker refused stays pending and is published on the next run")
    func refusedEventIsRetried() throws {
        let world = World()
        world.faultPublish(.fail)
        let relay = OutboxRelay(store: world.store, broker: world.broker)
        try commitOrders(["o1"], in: world.store)

        let first = relay.runOnce()
        #expect(first == 0, "the broker refused the only event, yet runOnce returned \(first)")
        #expect(
            world.store.unpublishedOutboxRows.map(\.payload) == ["o1"],
            "the refused event is no longer pending: it was marked published before the broker acknowledged it, so it is lost"
        )

        relay.runOnce()
        #expect(world.broker.receivedPayloads == ["o1"], "the next run did not publish the refused event; the broker got \(world.broker.receivedPayloads)")
    }

    @Test("A refused event holds back the events after it, so order is kept")
    func refusalPreservesOrder() throws {
        let world = World()
        world.faultPublish(.fail, call: 2)
        let relay = OutboxRelay(store: world.store, broker: world.broker)
        try commitOrders(["o1", "o2", "o3"], in: world.store)

        let first = relay.runOnce()
        #expect(first == 1, "only o1 was acknowledged before the broker refused o2, yet runOnce returned \(first)")
        relay.runOnce()

        #expect(
            world.broker.receivedPayloads == ["o1", "o2", "o3"],
            "events must reach the broker in commit order; skipping past the refused o2 delivered \(world.broker.receivedPayloads)"
        )
    }

    @Test("A lost acknowledgement causes a redelivery with the same message id")
    func lostAckRedelivers() throws {
        let world = World()
        world.faultPublish(.timeOut)
        let relay = OutboxRelay(store: world.store, broker: world.broker)
        try commitOrders(["o1"], in: world.store)

        relay.runOnce()
        #expect(
            world.store.unpublishedOutboxRows.count == 1,
            "the row was marked published although its acknowledgement never came back"
        )
        relay.runOnce()

        #expect(world.broker.receivedPayloads == ["o1", "o1"], "after the lost ack the event should be sent again (at least once), but the broker got \(world.broker.receivedPayloads)")
        #expect(Set(world.broker.received.map(\.id)).count == 1, "the two deliveries carried different message ids \(world.broker.received.map(\.id)), so a consumer cannot tell they are one event")
        #expect(world.store.unpublishedOutboxRows.isEmpty, "the row is still pending after its redelivery was acknowledged")
    }

    @Test("A failure to mark the row causes a redelivery, not a loss")
    func failedMarkRedelivers() throws {
        let world = World()
        let relay = OutboxRelay(store: world.store, broker: world.broker)
        try commitOrders(["o1", "o2"], in: world.store)

        // The publish of o1 passes two points; the transaction that marks it is the next.
        world.faultNextCommit(.fail, after: 2)
        let first = relay.runOnce()
        #expect(first == 0, "o1 could not be marked published, yet runOnce returned \(first)")
        #expect(world.broker.receivedPayloads == ["o1"], "after failing to mark o1 the relay went on (or never sent o1); the broker got \(world.broker.receivedPayloads) instead of [\"o1\"]")
        relay.runOnce()

        #expect(world.broker.receivedPayloads == ["o1", "o1", "o2"], "the next run should resend o1 and then send o2, but the broker got \(world.broker.receivedPayloads)")
        #expect(world.store.unpublishedOutboxRows.isEmpty, "rows are still pending after a clean run: \(world.store.unpublishedOutboxRows)")
    }

    @Test("Whatever fails or crashes while relaying, every event arrives in order, and only the one in flight twice")
    func relayingSurvivesEveryFaultPoint() throws {
        let orders = ["o1", "o2", "o3"]
        let dryRun = World()
        try commitOrders(orders, in: dryRun.store)
        let setUpSteps = dryRun.faults.passed.count
        OutboxRelay(store: dryRun.store, broker: dryRun.broker).runOnce()
        let points = dryRun.faults.passed.dropFirst(setUpSteps)
        #expect(!points.isEmpty, "relaying never touched the store or the broker")

        for point in points {
            for fault in replayedFaults {
                let world = World()
                try commitOrders(orders, in: world.store)
                world.faults.inject(fault, atStep: point.step)
                OutboxRelay(store: world.store, broker: world.broker).runOnce()

                // The relay's process comes back (a new relay) and runs until nothing is pending.
                world.faults.restart()
                let restarted = OutboxRelay(store: world.store, broker: world.broker)
                for _ in orders where !world.store.unpublishedOutboxRows.isEmpty {
                    restarted.runOnce()
                }
                let label = "after \(fault) at \(point), the broker got \(world.broker.receivedPayloads)"
                #expect(world.store.unpublishedOutboxRows.isEmpty, "\(label) and rows are still pending")
                #expect(world.broker.receivedPayloads.sorted() == world.broker.receivedPayloads, "\(label): an event overtook an earlier one")
                #expect(Set(world.broker.receivedPayloads) == Set(orders), "\(label): an event was lost")
                #expect(
                    world.broker.received.count <= orders.count + 1,
                    "\(label): one fault should resend at most the one event in flight; mark each row as soon as it is acknowledged"
                )
                let shipping = ShippingConsumer()
                world.broker.received.forEach(shipping.receive)
                #expect(shipping.shipments == orders, "\(label), and the consumer shipped \(shipping.shipments)")
            }
        }
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
