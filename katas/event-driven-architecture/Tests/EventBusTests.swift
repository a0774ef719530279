import EventDrivenKata
import KataHarness
import Testing

@Suite("Event bus")
struct EventBusTests {
    let clock = VirtualClock()

    @Test("Every subscription of a topic gets every event on it, in publish order; other topics get none")
    func fanOut() {
        let bus = EventBus(clock: clock)
        let billing = Recorder(clock: clock), inventory = Recorder(clock: clock), email = Recorder(clock: clock), ledger = Recorder(clock: clock)
        bus.subscribe("billing", to: "orders", handler: billing.handle)
        bus.subscribe("inventory", to: "orders", handler: inventory.handle)
        bus.subscribe("email", to: "orders", handler: email.handle)
        bus.subscribe("ledger", to: "payments", handler: ledger.handle)
        let orders = events(12, on: "orders", prefix: "o"), payments = events(5, on: "payments", prefix: "p")
        for (index, order) in orders.enumerated() {
            bus.publish(order)
            if index < payments.count { bus.publish(payments[index]) }
        }
        #expect(bus.pending(of: "billing").map(\.event) == orders,
                "before the run billing should have all 12 orders pending, in publish order; got \(bus.pending(of: "billing"))")
        bus.run(until: clock.now)
        for (name, recorder) in [("billing", billing), ("inventory", inventory), ("email", email)] {
            #expect(recorder.eventIDs == orders.map(\.id), "\(name) should get the 12 orders in publish order, got \(recorder.eventIDs)")
            #expect(recorder.calls.allSatisfy { $0.attempt == 1 }, "\(name): every first delivery is attempt 1, got \(recorder.calls)")
        }
        #expect(ledger.eventIDs == payments.map(\.id), "ledger subscribes to payments only, got \(ledger.eventIDs)")
        #expect(bus.pending(of: "billing") == [] && bus.deadLetters(of: "billing") == [], "acknowledged events leave nothing pending or dead")
    }

    @Test("A subscription gets only what is published after it exists; a topic without subscribers drops events")
    func lateSubscriber() {
        let bus = EventBus(clock: clock)
        let early = Recorder(clock: clock), late = Recorder(clock: clock)
        bus.publish(Event(id: "nobody-listens", topic: "orders"))
        bus.subscribe("early", to: "orders", handler: early.handle)
        bus.publish(Event(id: "o1", topic: "orders"))
        bus.subscribe("late", to: "orders", handler: late.handle)
        bus.publish(Event(id: "o2", topic: "orders"))
        bus.run(until: clock.now)
        #expect(early.eventIDs == ["o1", "o2"], "early subscribed after the first publish: it should get o1 and o2, got \(early.eventIDs)")
        #expect(late.eventIDs == ["o2"], "late subscribed after o1: it should get only o2, got \(late.eventIDs)")
    }

    @Test("Failed deliveries are retried with exponential backoff and dead-lettered after maxDeliveryAttempts",
          arguments: [
            (RetryPolicy(), [0, 10, 30, 70, 150]),                                   // Pub/Sub's defaults
            (RetryPolicy(maxDeliveryAttempts: 8, minimumBackoff: .seconds(1), maximumBackoff: .seconds(8)), [0, 1, 3, 7, 15, 23, 31, 39]),
            (RetryPolicy(maxDeliveryAttempts: 3, minimumBackoff: .seconds(45), maximumBackoff: .seconds(60)), [0, 45, 105]),
          ])
    func backoffThenDeadLetter(policy: RetryPolicy, attemptSeconds: [Int]) {
        let bus = EventBus(clock: clock, policy: policy)
        #expect(bus.policy == policy, "the bus should keep its policy")
        let poison = Recorder(clock: clock, fails: { _ in true })
        bus.subscribe("billing", to: "orders", handler: poison.handle)
        let event = Event(id: "o1", topic: "orders")
        bus.publish(event)
        for (attempt, second) in attemptSeconds.enumerated() {
            bus.run(until: at(s: second) - .milliseconds(1))
            #expect(poison.calls.count == attempt, "by \(second) s minus 1 ms there should have been \(attempt) attempt(s), got \(poison.calls)")
            bus.run(until: at(s: second))
            #expect(poison.calls.last == .init(eventID: "o1", attempt: attempt + 1, at: at(s: second)),
                    "attempt \(attempt + 1) should come at exactly \(second) s, got \(poison.calls)")
            if attempt + 1 < attemptSeconds.count {
                let next = at(s: attemptSeconds[attempt + 1])
                #expect(bus.pending(of: "billing") == [PendingDelivery(event: event, failedAttempts: attempt + 1, dueAt: next)],
                        "after failure \(attempt + 1) the event should be pending, due \(next); got \(bus.pending(of: "billing"))")
                #expect(bus.deadLetters(of: "billing") == [], "no dead letter before the last attempt, got \(bus.deadLetters(of: "billing"))")
            }
        }
        let last = at(s: attemptSeconds.last!)
        #expect(bus.deadLetters(of: "billing") == [DeadLetter(event: event, attempts: policy.maxDeliveryAttempts, failedAt: last)],
                "after \(policy.maxDeliveryAttempts) failed attempts the event is dead-lettered at \(last); got \(bus.deadLetters(of: "billing"))")
        #expect(bus.pending(of: "billing") == [], "a dead-lettered event is no longer pending, got \(bus.pending(of: "billing"))")
        bus.run(until: at(s: 100_000))
        #expect(poison.calls.count == policy.maxDeliveryAttempts, "a dead letter is never delivered again, got \(poison.calls.count) attempts")
    }

    @Test("The backoff doubles up to maximumBackoff and stays there")
    func backoffCap() {
        let policy = RetryPolicy(maxDeliveryAttempts: 12)
        let bus = EventBus(clock: clock, policy: policy)
        let poison = Recorder(clock: clock, fails: { _ in true })
        bus.subscribe("billing", to: "orders", handler: poison.handle)
        bus.publish(Event(id: "o1", topic: "orders"))
        bus.run(until: at(s: 100_000))
        let gaps = zip(poison.calls.dropFirst(), poison.calls).map { ($0.at - $1.at).components.seconds }
        #expect(gaps == [10, 20, 40, 80, 160, 320, 600, 600, 600, 600, 600],
                "with Pub/Sub's 10 s minimum and 600 s maximum the waits should double to 600 s and stay; got \(gaps)")
        #expect(bus.deadLetters(of: "billing").map(\.attempts) == [12], "dead-lettered after 12 attempts, got \(bus.deadLetters(of: "billing"))")
    }

    @Test("An event that succeeds on its last allowed attempt is not dead-lettered", arguments: [1, 2, 5])
    func successOnLastAttempt(maxAttempts: Int) {
        let bus = EventBus(clock: clock, policy: RetryPolicy(maxDeliveryAttempts: maxAttempts))
        let flaky = Recorder(clock: clock, fails: { $0.event.id == "o1" && $0.attempt < maxAttempts })
        let poison = Recorder(clock: clock, fails: { _ in true })
        bus.subscribe("flaky", to: "orders", handler: flaky.handle)
        bus.subscribe("poison", to: "orders", handler: poison.handle)
        bus.publish(Event(id: "o1", topic: "orders"))
        bus.run(until: at(s: 100_000))
        #expect(flaky.calls.map(\.attempt) == Array(1...maxAttempts), "o1 should be tried \(maxAttempts) time(s), got \(flaky.calls)")
        #expect(bus.deadLetters(of: "flaky") == [], "succeeding on attempt \(maxAttempts) of \(maxAttempts) is a success, got \(bus.deadLetters(of: "flaky"))")
        #expect(bus.deadLetters(of: "poison").map(\.attempts) == [maxAttempts],
                "failing all \(maxAttempts) attempts is a dead letter, got \(bus.deadLetters(of: "poison"))")
        #expect(bus.pending(of: "flaky") == [] && bus.pending(of: "poison") == [], "nothing is left pending")
    }

    @Test("A success after failures ends the retries")
    func successEndsRetries() {
        let bus = EventBus(clock: clock)
        let flaky = Recorder(clock: clock, fails: { $0.attempt <= 2 })
        bus.subscribe("billing", to: "orders", handler: flaky.handle)
        bus.publish(Event(id: "o1", topic: "orders"))
        bus.run(until: at(s: 100_000))
        #expect(flaky.calls == [.init(eventID: "o1", attempt: 1, at: at(s: 0)), .init(eventID: "o1", attempt: 2, at: at(s: 10)), .init(eventID: "o1", attempt: 3, at: at(s: 30))],
                "two failures then a success: attempts at 0, 10 and 30 s and no more; got \(flaky.calls)")
        #expect(bus.pending(of: "billing") == [] && bus.deadLetters(of: "billing") == [], "an acknowledged event leaves nothing behind")
        #expect(clock.now == at(s: 100_000), "run(until:) should leave the clock at its deadline, it is at \(clock.now)")
    }

    @Test("A failing subscriber delays neither the other subscribers nor its own later events")
    func failuresAreIsolated() {
        let bus = EventBus(clock: clock)
        let broken = Recorder(clock: clock, fails: { _ in true })
        let picky = Recorder(clock: clock, fails: { $0.event.id == "o3" })
        let healthy = Recorder(clock: clock)
        bus.subscribe("broken", to: "orders", handler: broken.handle)
        bus.subscribe("picky", to: "orders", handler: picky.handle)
        bus.subscribe("healthy", to: "orders", handler: healthy.handle)
        for second in 0..<20 {
            bus.run(until: at(s: second))
            bus.publish(Event(id: "o\(second + 1)", topic: "orders"))
        }
        bus.run(until: at(s: 19))
        let published = (1...20).map { "o\($0)" }
        #expect(healthy.calls == published.enumerated().map { .init(eventID: $0.element, attempt: 1, at: at(s: $0.offset)) },
                "healthy should get each order the second it is published, whatever the others do; got \(healthy.calls)")
        let picksFirstTries = picky.calls.filter { $0.attempt == 1 }
        #expect(picksFirstTries == published.enumerated().map { .init(eventID: $0.element, attempt: 1, at: at(s: $0.offset)) },
                "picky's failing o3 must not hold up o4…o20, each delivered when published; got \(picksFirstTries)")
        #expect(picky.calls.filter { $0.eventID == "o3" }.map(\.at) == [at(s: 2), at(s: 12)], "o3 is retried 10 s after its failure at 2 s, got \(picky.calls.filter { $0.eventID == "o3" })")
        #expect(bus.pending(of: "picky").map(\.event.id) == ["o3"], "only o3 is pending for picky, got \(bus.pending(of: "picky"))")
        #expect(bus.pending(of: "broken").count == 20 && bus.pending(of: "healthy") == [],
                "broken has all 20 waiting to be retried and healthy none; got \(bus.pending(of: "broken").count) and \(bus.pending(of: "healthy").count)")
    }

    @Test("Deliveries due at the same instant go in publish order, and one event's in subscription order")
    func tiesKeepPublishOrder() {
        let bus = EventBus(clock: clock)
        var log: [String] = []
        let failFirst: (String) -> EventHandler = { name in
            { delivery in
                log.append("\(name):\(delivery.event.id)#\(delivery.attempt)")
                if delivery.attempt == 1 { throw Rejected() }
            }
        }
        bus.subscribe("a", to: "orders", handler: failFirst("a"))
        bus.subscribe("b", to: "orders", handler: failFirst("b"))
        for id in ["o1", "o2", "o3"] { bus.publish(Event(id: id, topic: "orders")) }
        bus.run(until: at(s: 5))
        #expect(bus.pending(of: "a").map(\.event.id) == ["o1", "o2", "o3"] && bus.pending(of: "a").allSatisfy { $0.dueAt == at(s: 10) },
                "a's three retries are all due at 10 s, in publish order; got \(bus.pending(of: "a"))")
        bus.publish(Event(id: "o4", topic: "orders"))     // at 5 s, due at once
        bus.run(until: at(s: 10))
        #expect(log == ["a:o1#1", "b:o1#1", "a:o2#1", "b:o2#1", "a:o3#1", "b:o3#1", "a:o4#1", "b:o4#1",
                        "a:o1#2", "b:o1#2", "a:o2#2", "b:o2#2", "a:o3#2", "b:o3#2"],
                "first attempts in publish order, each event a then b; o4 at 5 s; the retries at 10 s in the same order; got \(log)")
    }

    @Test("Events a handler publishes are delivered in the same run")
    func handlersPublish() {
        let bus = EventBus(clock: clock)
        let shipping = Recorder(clock: clock)
        bus.subscribe("payments", to: "orders") { delivery in
            bus.publish(Event(id: "paid-\(delivery.event.id)", topic: "payments"))
        }
        bus.subscribe("shipping", to: "payments", handler: shipping.handle)
        bus.publish(Event(id: "o1", topic: "orders"))
        bus.run(until: at(s: 0))
        #expect(shipping.calls == [.init(eventID: "paid-o1", attempt: 1, at: at(s: 0))],
                "the payment event published while handling o1 should reach shipping in the same run, got \(shipping.calls)")
    }
}
