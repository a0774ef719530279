import EventDrivenKata
import KataHarness
import Testing

@Suite("Idempotent consumers and at-least-once delivery")
struct IdempotentConsumerTests {
    let clock = VirtualClock()

    @Test("An idempotent consumer applies each event id once, however often it arrives")
    func appliesOnce() throws {
        var applied: [String] = []
        let consumer = IdempotentConsumer { applied.append($0.id) }
        let e1 = Event(id: "e1", topic: "orders"), e2 = Event(id: "e2", topic: "orders")
        for (event, attempt) in [(e1, 1), (e1, 2), (e2, 1), (e1, 3), (e2, 2)] {
            try consumer.handle(Delivery(event: event, subscription: "billing", attempt: attempt))
        }
        #expect(applied == ["e1", "e2"], "e1 arrived 3 times and e2 twice; each should be applied once, got \(applied)")
        #expect(consumer.appliedIDs == ["e1", "e2"], "appliedIDs should be e1 and e2, got \(consumer.appliedIDs)")
        #expect(consumer.duplicatesSkipped == 3, "3 deliveries were repeats, got \(consumer.duplicatesSkipped)")
    }

    @Test("An apply that throws is not remembered, so the bus's retry applies the event")
    func failedApplyIsRetried() {
        let bus = EventBus(clock: clock)
        var applied: [(String, VirtualClock.Instant)] = []
        var failuresLeft = 1
        let consumer = IdempotentConsumer { event in
            if failuresLeft > 0 { failuresLeft -= 1; throw Rejected() }
            applied.append((event.id, clock.now))
        }
        bus.subscribe("billing", to: "orders", handler: consumer.handle)
        bus.publish(Event(id: "o1", topic: "orders"))
        bus.run(until: at(s: 5))
        #expect(applied.isEmpty && consumer.appliedIDs.isEmpty, "the first apply threw: nothing applied or remembered yet, got \(consumer.appliedIDs)")
        #expect(bus.pending(of: "billing").map(\.failedAttempts) == [1], "the error should reach the bus, which retries; pending: \(bus.pending(of: "billing"))")
        bus.run(until: at(s: 10))
        #expect(applied.map(\.0) == ["o1"] && applied.first?.1 == at(s: 10), "the retry at 10 s should apply o1, got \(applied)")
        #expect(consumer.appliedIDs == ["o1"] && consumer.duplicatesSkipped == 0,
                "o1 is applied once and the retry was no duplicate; appliedIDs \(consumer.appliedIDs), skipped \(consumer.duplicatesSkipped)")
    }

    @Test("Lost acknowledgements and duplicate publishes redeliver events; the consumer applies each one once")
    func atLeastOnceThenExactlyOnceEffects() {
        let bus = EventBus(clock: clock)
        var balance: [String: Int] = [:]
        let consumer = IdempotentConsumer { event in balance[event.payload, default: 0] += 10 }
        var attempts: [String: Int] = [:]
        // The consumer's work commits, but every third event's first acknowledgement is lost.
        bus.subscribe("ledger", to: "payments") { delivery in
            attempts[delivery.event.id, default: 0] += 1
            try consumer.handle(delivery)
            if delivery.attempt == 1, Int(delivery.event.id.dropFirst())! % 3 == 0 { throw Rejected() }
        }
        let payments = (1...30).map { Event(id: "p\($0)", topic: "payments", payload: "account-\($0 % 4)") }
        for payment in payments { bus.publish(payment) }
        bus.publish(payments[6])              // the producer retried p7's publish
        bus.publish(payments[7])              // and p8's
        bus.run(until: at(s: 1_000))

        #expect(attempts["p3"] == 2 && attempts["p1"] == 1 && attempts["p7"] == 2,
                "p3 lost its ack and is delivered twice, p1 once, p7 (published twice) twice; got p3 \(attempts["p3"] ?? 0), p1 \(attempts["p1"] ?? 0), p7 \(attempts["p7"] ?? 0)")
        #expect(attempts.values.reduce(0, +) == 42, "30 events + 10 lost acks + 2 duplicate publishes = 42 deliveries, got \(attempts.values.reduce(0, +))")
        let expected = Dictionary(grouping: payments, by: \.payload).mapValues { $0.count * 10 }
        #expect(balance == expected, "each payment should be credited exactly once: \(expected), got \(balance)")
        #expect(consumer.duplicatesSkipped == 12, "10 redeliveries and 2 duplicate publishes were skipped, got \(consumer.duplicatesSkipped)")
        #expect(bus.deadLetters(of: "ledger") == [] && bus.pending(of: "ledger") == [], "every delivery was acknowledged in the end")
    }

    @Test("Over seeded runs every subscription retries on schedule, dead-letters exactly after the limit, and applies each event once")
    func randomRuns() {
        for seed in UInt64(1)...200 {
            if let failure = checkRandomRun(seed: seed) {
                Issue.record("seed \(seed): \(failure)")
                return
            }
        }
    }

    /// One seeded run: subscribers that fail or lose acknowledgements at random, events published
    /// at random instants. Checks every subscription's calls against the retry rules and its
    /// consumer's effects against the events.
    private func checkRandomRun(seed: UInt64) -> String? {
        struct Call { let attempt: Int; let at: VirtualClock.Instant; let failed: Bool }
        var random = SeededRandom(seed: seed)
        let clock = VirtualClock()
        let minimum = Duration.seconds(Int.random(in: 1...20, using: &random))
        let policy = RetryPolicy(maxDeliveryAttempts: Int.random(in: 1...6, using: &random), minimumBackoff: minimum,
                                 maximumBackoff: minimum * (1 << Int.random(in: 0...4, using: &random)))
        let bus = EventBus(clock: clock, policy: policy)
        let names = ["s0", "s1", "s2", "s3"]
        var calls: [String: [String: [Call]]] = [:]                   // subscription → event id → calls
        var applied: [String: [String]] = [:]                         // subscription → ids applied, in order
        var consumers: [String: IdempotentConsumer] = [:]
        for (index, name) in names.enumerated() {
            let failRate = [0.0, 0.3, 0.6, 0.9][index]
            let consumer = IdempotentConsumer { event in
                if Double.random(in: 0..<1, using: &random) < failRate { throw Rejected() }
                applied[name, default: []].append(event.id)
            }
            consumers[name] = consumer
            bus.subscribe(name, to: index < 3 ? "orders" : "refunds") { delivery in
                var failed = false
                do {
                    try consumer.handle(delivery)
                    failed = Double.random(in: 0..<1, using: &random) < 0.2    // the acknowledgement is lost
                } catch { failed = true }
                calls[name, default: [:]][delivery.event.id, default: []].append(Call(attempt: delivery.attempt, at: clock.now, failed: failed))
                if failed { throw Rejected() }
            }
        }
        var publishedAt: [String: (topic: String, at: VirtualClock.Instant)] = [:]
        for n in 1...40 {
            bus.run(until: clock.now + .seconds(Int.random(in: 0...15, using: &random)))
            let topic = Bool.random(using: &random) ? "orders" : "refunds"
            bus.publish(Event(id: "e\(n)", topic: topic))
            publishedAt["e\(n)"] = (topic, clock.now)
        }
        bus.run(until: clock.now + policy.maximumBackoff * policy.maxDeliveryAttempts)

        for (index, name) in names.enumerated() {
            let topic = index < 3 ? "orders" : "refunds"
            var dead: [String] = []
            for (id, published) in publishedAt.sorted(by: { $0.key < $1.key }) where published.topic == topic {
                guard let tries = calls[name]?[id] else { return "\(name) never got \(id)" }
                if tries.map(\.attempt) != Array(1...tries.count) { return "\(name): \(id)'s attempts are numbered \(tries.map(\.attempt))" }
                if tries[0].at != published.at { return "\(name): \(id) published at \(published.at) was first delivered at \(tries[0].at)" }
                var wait = policy.minimumBackoff
                for (previous, next) in zip(tries, tries.dropFirst()) {
                    if next.at - previous.at != wait { return "\(name): \(id) attempt \(next.attempt) came \(next.at - previous.at) after the one before, expected \(wait)" }
                    wait = min(wait * 2, policy.maximumBackoff)
                }
                if tries.dropLast().contains(where: { !$0.failed }) { return "\(name): \(id) was delivered again after an acknowledgement" }
                if tries.last!.failed {
                    if tries.count != policy.maxDeliveryAttempts { return "\(name): \(id) stopped after \(tries.count) failed attempts, expected \(policy.maxDeliveryAttempts)" }
                    dead.append(id)
                }
            }
            let deadLetters = bus.deadLetters(of: name).map(\.event.id)
            if deadLetters.sorted() != dead.sorted() { return "\(name): dead letters \(deadLetters), expected \(dead.sorted())" }
            if !bus.pending(of: name).isEmpty { return "\(name): \(bus.pending(of: name).count) deliveries still pending after the run" }
            let appliedIDs = applied[name] ?? []
            if Set(appliedIDs).count != appliedIDs.count { return "\(name) applied an event twice: \(appliedIDs)" }
            if Set(appliedIDs) != consumers[name]!.appliedIDs { return "\(name): appliedIDs \(consumers[name]!.appliedIDs) differ from the events applied \(appliedIDs)" }
        }
        return nil
    }
}
