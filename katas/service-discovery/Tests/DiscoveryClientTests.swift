import KataHarness
import ServiceDiscoveryKata
import Testing

@Suite("Discovery client")
struct DiscoveryClientTests {
    let clock = VirtualClock()
    /// Leases long enough that no instance lapses unless a test says so: these tests are about the client.
    let hourLease = Duration.seconds(3_600)
    let payments1 = instance("payments-1"), payments2 = instance("payments-2"), payments3 = instance("payments-3")

    @Test("The first resolve asks the registry; for refreshInterval the cached list is served without asking", arguments: [30, 5, 45])
    func cachesForRefreshInterval(seconds: Int) {
        let interval = Duration.seconds(seconds)
        let registry = servingRegistry(clock, leaseDuration: hourLease, serving: [payments1, payments2])
        let link = RegistryLink(to: registry)
        // 30 s is the default: Eureka clients fetch the registry every 30 s.
        let client = seconds == 30
            ? DiscoveryClient(link: link, clock: clock, maxStaleness: .seconds(300))
            : DiscoveryClient(link: link, clock: clock, refreshInterval: interval, maxStaleness: .seconds(300))
        #expect(client.refreshInterval == interval, "refreshInterval should be \(interval), got \(client.refreshInterval)")

        let first = Outcome(client, "payments")
        #expect(first == answered([payments1, payments2], .registry), "the first resolve should ask the registry, got \(first)")
        #expect(link.lookups == 1, "the first resolve should ask the registry once, it asked \(link.lookups) times")

        registry.register(payments3)
        registry.heartbeat("payments-3", health: .passing)
        clock.advance(to: at(s: seconds) - .milliseconds(1))
        let cached = Outcome(client, "payments")
        #expect(cached == answered([payments1, payments2], .cache, age: interval - .milliseconds(1)),
                "1 ms before the \(interval) refresh the cached list should be served with its age, got \(cached)")
        #expect(link.lookups == 1, "a fresh cached list must not ask the registry, but it was asked \(link.lookups) times")

        clock.advance(to: at(s: seconds))
        let refreshed = Outcome(client, "payments")
        #expect(refreshed == answered([payments1, payments2, payments3], .registry),
                "at exactly \(interval) the client should ask again and see payments-3, got \(refreshed)")
        #expect(link.lookups == 2, "the refresh should ask the registry once more, total 2, got \(link.lookups)")

        clock.advance(by: .seconds(1))
        let recached = Outcome(client, "payments")
        #expect(recached == answered([payments1, payments2, payments3], .cache, age: .seconds(1)),
                "1 s after the refresh the new list is cached, got \(recached)")
    }

    @Test("With the registry unreachable the last known good list is served with its age, until maxStaleness", arguments: [60, 300, 900])
    func failsStaticUntilMaxStaleness(seconds: Int) {
        let bound = Duration.seconds(seconds)
        let registry = servingRegistry(clock, leaseDuration: hourLease, serving: [payments1, payments2])
        let link = RegistryLink(to: registry)
        let client = DiscoveryClient(link: link, clock: clock, maxStaleness: bound)
        #expect(client.maxStaleness == bound, "maxStaleness should be \(bound), got \(client.maxStaleness)")
        _ = Outcome(client, "payments")

        registry.deregister("payments-2")
        link.isReachable = false
        clock.advance(to: at(s: 30))
        let firstMiss = Outcome(client, "payments")
        #expect(firstMiss == answered([payments1, payments2], .lastKnownGood, age: .seconds(30)),
                "at the 30 s refresh the registry is unreachable: the last list, 30 s old, should be served; got \(firstMiss)")
        #expect(link.lookups == 2, "the expired list should have made the client ask the registry, total 2 lookups, got \(link.lookups)")

        clock.advance(to: at(s: seconds) - .milliseconds(1))
        let lastServed = Outcome(client, "payments")
        #expect(lastServed == answered([payments1, payments2], .lastKnownGood, age: bound - .milliseconds(1)),
                "1 ms before maxStaleness \(bound) the last list is still served, with its age from the last successful fetch; got \(lastServed)")
        #expect(link.lookups == 3, "every resolve with a stale list should try the registry again, total 3, got \(link.lookups)")

        clock.advance(to: at(s: seconds))
        let tooOld = Outcome(client, "payments")
        #expect(tooOld == .failed(.registryUnreachable(lastKnownAge: bound)),
                "at exactly maxStaleness \(bound) the list is too old to serve: registryUnreachable with its age; got \(tooOld)")
        #expect(link.lookups == 4, "the client should still have tried the registry, total 4, got \(link.lookups)")

        link.isReachable = true
        clock.advance(by: .seconds(1))
        let recovered = Outcome(client, "payments")
        #expect(recovered == answered([payments1], .registry),
                "once the registry is back its current list (payments-2 left) replaces the old one; got \(recovered)")
    }

    @Test("A cached list is not stretched: the refresh falls due at refreshInterval even when stale answers were served")
    func staleAnswersDoNotRenew() {
        let registry = servingRegistry(clock, leaseDuration: hourLease, serving: [payments1])
        let link = RegistryLink(to: registry)
        let client = DiscoveryClient(link: link, clock: clock, refreshInterval: .seconds(10), maxStaleness: .seconds(100))
        _ = Outcome(client, "payments")
        link.isReachable = false
        for second in stride(from: 10, through: 90, by: 10) {
            clock.advance(to: at(s: second))
            let outcome = Outcome(client, "payments")
            #expect(outcome == answered([payments1], .lastKnownGood, age: .seconds(second)),
                    "with the registry down since 0 s, at \(second) s the list should be \(second) s old; got \(outcome)")
        }
        #expect(link.lookups == 10, "each of the 9 stale resolves should have tried the registry, 10 lookups in all, got \(link.lookups)")
        link.isReachable = true
        registry.register(payments2)
        registry.heartbeat("payments-2", health: .passing)
        clock.advance(to: at(s: 95))
        let recovered = Outcome(client, "payments")
        #expect(recovered == answered([payments1, payments2], .registry), "the first resolve after the registry is back should ask it; got \(recovered)")
    }

    @Test("Lists are cached per service; with nothing cached an unreachable registry is an error")
    func perServiceCache() {
        let orders1 = instance("orders-1", of: "orders")
        let registry = servingRegistry(clock, leaseDuration: hourLease, serving: [payments1, orders1])
        let link = RegistryLink(to: registry)
        let client = DiscoveryClient(link: link, clock: clock, maxStaleness: .seconds(300))
        let payments = Outcome(client, "payments")
        let orders = Outcome(client, "orders")
        #expect(payments == answered([payments1], .registry) && orders == answered([orders1], .registry),
                "each service gets its own answer: payments \(payments), orders \(orders)")
        #expect(link.lookups == 2, "a cached payments list does not answer for orders: 2 lookups, got \(link.lookups)")

        link.isReachable = false
        clock.advance(to: at(s: 10))
        let search = Outcome(client, "search")
        #expect(search == .failed(.registryUnreachable(lastKnownAge: nil)),
                "a service never resolved has no last known list: registryUnreachable(nil); got \(search)")
        let cached = Outcome(client, "payments")
        #expect(cached == answered([payments1], .cache, age: .seconds(10)), "payments is still fresh at 10 s; got \(cached)")
        clock.advance(to: at(s: 40))
        let stale = Outcome(client, "orders")
        #expect(stale == answered([orders1], .lastKnownGood, age: .seconds(40)), "orders falls back to its own last list; got \(stale)")
    }

    @Test("An empty answer from a reachable registry replaces the cached list")
    func emptyAnswerIsTheTruth() {
        let registry = servingRegistry(clock, leaseDuration: hourLease, serving: [payments1, payments2])
        let link = RegistryLink(to: registry)
        let client = DiscoveryClient(link: link, clock: clock, maxStaleness: .seconds(300))
        let first = Outcome(client, "payments")
        #expect(first == answered([payments1, payments2], .registry), "the first resolve should list both instances, got \(first)")
        registry.deregister("payments-1")
        registry.heartbeat("payments-2", health: .critical)
        clock.advance(to: at(s: 30))
        let empty = Outcome(client, "payments")
        #expect(empty == answered([], .registry), "a reachable registry listing no one is believed: [] from the registry; got \(empty)")
        link.isReachable = false
        clock.advance(to: at(s: 60))
        let lastKnown = Outcome(client, "payments")
        #expect(lastKnown == answered([], .lastKnownGood, age: .seconds(30)),
                "the last known list is now the empty one from 30 s, not the older full one; got \(lastKnown)")
    }

    @Test("Over seeded outages the client answers from the registry, its cache or the last known list exactly by the rules")
    func randomOutages() {
        for seed in UInt64(1)...200 {
            if let failure = checkRandomOutages(seed: seed) {
                Issue.record("seed \(seed): \(failure)")
                return
            }
        }
    }

    /// Flaps the registry's reachability and fleet with seeded events and checks every answer
    /// against what the registry said at the time the answer claims to come from.
    private func checkRandomOutages(seed: UInt64) -> String? {
        var random = SeededRandom(seed: seed)
        let clock = VirtualClock()
        let fleet = (1...6).map { instance("payments-\($0)") }
        let registry = ServiceRegistry(clock: clock, leaseDuration: .seconds(3_600))
        let link = RegistryLink(to: registry)
        let refresh = Duration.seconds(Int.random(in: 5...30, using: &random))
        let bound = refresh + .seconds(Int.random(in: 0...120, using: &random))
        let client = DiscoveryClient(link: link, clock: clock, refreshInterval: refresh, maxStaleness: bound)
        var said: [VirtualClock.Instant: [Instance]] = [:]    // what the registry answered, and when
        var lastFetch: VirtualClock.Instant?

        for step in 0..<200 {
            clock.advance(by: .seconds(Int.random(in: 0...20, using: &random)))
            let member = fleet.randomElement(using: &random)!
            if Bool.random(using: &random) {
                registry.register(member)
                registry.heartbeat(member.id, health: Bool.random(using: &random) ? .passing : .critical)
            }
            if Int.random(in: 0..<4, using: &random) == 0 { link.isReachable.toggle() }

            let expected: Outcome
            if let fetched = lastFetch, clock.now - fetched < refresh {
                expected = answered(said[fetched]!, .cache, age: clock.now - fetched)
            } else if link.isReachable {
                said[clock.now] = registry.lookup("payments")
                lastFetch = clock.now
                expected = answered(said[clock.now]!, .registry)
            } else if let fetched = lastFetch, clock.now - fetched < bound {
                expected = answered(said[fetched]!, .lastKnownGood, age: clock.now - fetched)
            } else {
                expected = .failed(.registryUnreachable(lastKnownAge: lastFetch.map { clock.now - $0 }))
            }
            let outcome = Outcome(client, "payments")
            if outcome != expected {
                return "step \(step) at \(clock.now) (refresh \(refresh), maxStaleness \(bound), registry \(link.isReachable ? "reachable" : "unreachable")): got \(outcome), expected \(expected)"
            }
        }
        return nil
    }
}
