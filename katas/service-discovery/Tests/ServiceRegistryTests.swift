import KataHarness
import ServiceDiscoveryKata
import Testing

@Suite("Service registry")
struct ServiceRegistryTests {
    @Test("A new registration is critical and unlisted until its first passing heartbeat")
    func newInstanceWaitsForHeartbeat() {
        let clock = VirtualClock()
        let registry = ServiceRegistry(clock: clock)
        let payments1 = instance("payments-1")
        registry.register(payments1)
        #expect(registry.health(of: "payments-1") == .critical,
                "a registration starts critical (Consul's default), got \(String(describing: registry.health(of: "payments-1")))")
        #expect(registry.lookup("payments") == [], "a critical instance must not be listed, got \(registry.lookup("payments"))")

        clock.advance(by: .seconds(5))
        #expect(registry.heartbeat("payments-1", health: .passing), "a heartbeat within the lease should be accepted")
        #expect(registry.health(of: "payments-1") == .passing, "after a passing heartbeat health should be passing")
        #expect(registry.lookup("payments") == [payments1], "after a passing heartbeat lookup should list payments-1, got \(registry.lookup("payments"))")
    }

    @Test("A lease lapses exactly leaseDuration after the last heartbeat", arguments: [90, 15, 40])
    func leaseLapses(seconds: Int) {
        let clock = VirtualClock()
        let lease = Duration.seconds(seconds)
        let payments1 = instance("payments-1")
        // 90 s is the default: Eureka's lease expiration.
        let registry = servingRegistry(clock, leaseDuration: seconds == 90 ? nil : lease, serving: [payments1])
        #expect(registry.leaseDuration == lease, "leaseDuration should be \(lease), got \(registry.leaseDuration)")

        clock.advance(to: at(s: seconds) - .milliseconds(1))
        #expect(registry.lookup("payments") == [payments1],
                "1 ms before a \(lease) lease lapses the instance should still be listed, got \(registry.lookup("payments"))")
        #expect(registry.health(of: "payments-1") == .passing, "1 ms before the lease lapses health should still be passing")

        clock.advance(to: at(s: seconds))
        #expect(registry.lookup("payments") == [], "at exactly \(lease) after the last heartbeat the lease has lapsed, but lookup gave \(registry.lookup("payments"))")
        #expect(registry.health(of: "payments-1") == nil, "a lapsed instance has no health, got \(String(describing: registry.health(of: "payments-1")))")
        #expect(!registry.heartbeat("payments-1", health: .passing), "a heartbeat after the lease lapsed must be refused")
        #expect(registry.lookup("payments") == [] && registry.health(of: "payments-1") == nil,
                "a refused heartbeat must not bring the instance back, lookup gave \(registry.lookup("payments"))")
    }

    @Test("Heartbeats every 30 s keep an instance listed for an hour; after the last one it lasts 90 s")
    func eurekaCadence() {
        let clock = VirtualClock()
        let payments1 = instance("payments-1")
        let registry = servingRegistry(clock, serving: [payments1])
        var firstLapse: String?
        for beat in 1...120 where firstLapse == nil {
            clock.advance(to: at(s: 30 * beat) - .milliseconds(1))
            if registry.lookup("payments") != [payments1] { firstLapse = "unlisted just before heartbeat \(beat), at \(clock.now)" }
            clock.advance(to: at(s: 30 * beat))
            if !registry.heartbeat("payments-1", health: .passing) { firstLapse = "heartbeat \(beat) at \(clock.now) refused" }
        }
        #expect(firstLapse == nil, "with a heartbeat every 30 s the instance should stay listed for an hour, but it was \(firstLapse ?? "")")
        clock.advance(to: at(s: 3_600 + 60))
        #expect(registry.lookup("payments") == [payments1], "two missed heartbeats (60 s) are within the 90 s lease")
        clock.advance(to: at(s: 3_600 + 90) - .milliseconds(1))
        #expect(registry.lookup("payments") == [payments1], "89.999 s after the last heartbeat the instance should be listed")
        clock.advance(to: at(s: 3_600 + 90))
        #expect(registry.lookup("payments") == [], "90 s after the last heartbeat the lease must have lapsed, got \(registry.lookup("payments"))")
    }

    @Test("A heartbeat renews the lease from the instant it arrives, not from the old expiry")
    func renewalCountsFromHeartbeat() {
        let clock = VirtualClock()
        let payments1 = instance("payments-1")
        let registry = servingRegistry(clock, serving: [payments1])
        clock.advance(to: at(s: 80))
        registry.heartbeat("payments-1", health: .passing)
        clock.advance(to: at(s: 170) - .milliseconds(1))
        #expect(registry.lookup("payments") == [payments1], "a heartbeat at 80 s should keep the instance until 170 s; at 169.999 s lookup gave \(registry.lookup("payments"))")
        clock.advance(to: at(s: 170))
        #expect(registry.lookup("payments") == [], "a heartbeat at 80 s renews for 90 s, to 170 s, not beyond; lookup gave \(registry.lookup("payments"))")
    }

    @Test("A registration that never heartbeats lapses leaseDuration after it registered")
    func silentRegistrationLapses() {
        let clock = VirtualClock()
        let registry = ServiceRegistry(clock: clock, leaseDuration: .seconds(30))
        clock.advance(to: at(s: 10))
        registry.register(instance("payments-1"))
        clock.advance(to: at(s: 40) - .milliseconds(1))
        #expect(registry.health(of: "payments-1") == .critical, "registered at 10 s with a 30 s lease, it should still be registered (critical) at 39.999 s")
        clock.advance(to: at(s: 40))
        #expect(registry.health(of: "payments-1") == nil, "registered at 10 s with a 30 s lease, it should be gone at 40 s")
        #expect(!registry.heartbeat("payments-1", health: .passing), "its first heartbeat, too late at 40 s, must be refused")
    }

    @Test("A critical heartbeat renews the lease but keeps the instance out of lookups until it passes again")
    func criticalHeartbeat() {
        let clock = VirtualClock()
        let payments1 = instance("payments-1")
        let payments2 = instance("payments-2")
        let registry = servingRegistry(clock, serving: [payments1, payments2])
        clock.advance(to: at(s: 60))
        #expect(registry.heartbeat("payments-1", health: .critical), "a critical heartbeat is still a heartbeat and should be accepted")
        registry.heartbeat("payments-2", health: .passing)
        #expect(registry.health(of: "payments-1") == .critical, "payments-1 reported critical")
        #expect(registry.lookup("payments") == [payments2], "a critical instance is left out, the passing one stays; got \(registry.lookup("payments"))")

        clock.advance(to: at(s: 100))
        #expect(registry.health(of: "payments-1") == .critical,
                "the critical heartbeat at 60 s renewed the lease to 150 s, so at 100 s payments-1 should still be registered as critical")
        registry.heartbeat("payments-1", health: .passing)
        registry.heartbeat("payments-2", health: .passing)
        #expect(registry.lookup("payments") == [payments1, payments2], "once payments-1 passes again it is listed again; got \(registry.lookup("payments"))")
    }

    @Test("Warning instances are listed, except when only passing ones are asked for")
    func warningInstances() {
        let clock = VirtualClock()
        let ok = instance("payments-1"), degraded = instance("payments-2"), down = instance("payments-3")
        let registry = servingRegistry(clock, serving: [ok, degraded, down])
        registry.heartbeat("payments-2", health: .warning)
        registry.heartbeat("payments-3", health: .critical)
        #expect(registry.lookup("payments") == [ok, degraded], "by default passing and warning are listed, critical is not; got \(registry.lookup("payments"))")
        #expect(registry.lookup("payments", onlyPassing: true) == [ok], "onlyPassing leaves out warning too; got \(registry.lookup("payments", onlyPassing: true))")

        registry.heartbeat("payments-1", health: .warning)
        registry.heartbeat("payments-2", health: .passing)
        #expect(registry.lookup("payments", onlyPassing: true) == [degraded], "after the two swap health, onlyPassing should list only payments-2; got \(registry.lookup("payments", onlyPassing: true))")
        #expect(registry.lookup("payments") == [ok, degraded], "both are still routable by default; got \(registry.lookup("payments"))")
    }

    @Test("A lookup lists only the named service, sorted by id")
    func lookupByService() {
        let clock = VirtualClock()
        let ids = ["payments-07", "orders-3", "payments-02", "search-1", "payments-11", "orders-1", "payments-05", "orders-2", "payments-01"]
        let all = ids.map { instance($0, of: String($0.split(separator: "-")[0])) }
        let registry = servingRegistry(clock, serving: all)
        for service in ["payments", "orders", "search"] {
            let expected = all.filter { $0.service == service }.sorted { $0.id < $1.id }
            #expect(registry.lookup(service) == expected, "lookup(\(service)) should be \(expected), got \(registry.lookup(service))")
        }
        #expect(registry.lookup("inventory") == [], "an unknown service has no instances")
    }

    @Test("Deregistering removes an instance at once; heartbeats from it or from unknown ids are refused")
    func deregister() {
        let clock = VirtualClock()
        let payments1 = instance("payments-1"), payments2 = instance("payments-2")
        let registry = servingRegistry(clock, serving: [payments1, payments2])
        #expect(registry.lookup("payments") == [payments1, payments2], "both instances should be listed before the shutdown")
        registry.deregister("payments-1")
        #expect(registry.lookup("payments") == [payments2], "a deregistered instance goes at once, well before its lease; got \(registry.lookup("payments"))")
        #expect(registry.health(of: "payments-1") == nil, "a deregistered instance has no health")
        #expect(!registry.heartbeat("payments-1", health: .passing), "a heartbeat after deregistering must be refused")
        #expect(!registry.heartbeat("ghost", health: .passing), "a heartbeat from an id never registered must be refused")
        #expect(registry.lookup("payments") == [payments2] && registry.health(of: "ghost") == nil,
                "refused heartbeats register nothing; lookup gave \(registry.lookup("payments"))")
    }

    @Test("Registering an id again replaces its address and starts it over as critical with a fresh lease")
    func reregister() {
        let clock = VirtualClock()
        let registry = servingRegistry(clock, serving: [instance("payments-1")])
        clock.advance(to: at(s: 50))
        let moved = instance("payments-1", address: "10.0.9.9:8080")
        registry.register(moved)
        #expect(registry.health(of: "payments-1") == .critical, "a new registration starts critical even if the id was passing")
        #expect(registry.lookup("payments") == [], "until it passes again it is not listed; got \(registry.lookup("payments"))")
        registry.heartbeat("payments-1", health: .passing)
        #expect(registry.lookup("payments").map(\.address) == ["10.0.9.9:8080"], "the new address replaces the old; got \(registry.lookup("payments"))")

        clock.advance(to: at(s: 200))
        #expect(registry.lookup("payments") == [], "the lease renewed at 50 s lapses at 140 s")
        registry.register(moved)
        clock.advance(to: at(s: 210))
        #expect(registry.heartbeat("payments-1", health: .passing) && registry.lookup("payments") == [moved],
                "after a lapse, registering again and a heartbeat bring the instance back; got \(registry.lookup("payments"))")
    }

    @Test("Over seeded random fleets, lookups and heartbeats always match the lease rules", arguments: [15, 30, 90])
    func randomFleets(leaseSeconds: Int) {
        for seed in UInt64(1)...200 {
            if let failure = checkRandomFleet(seed: seed, lease: .seconds(leaseSeconds)) {
                Issue.record("lease \(leaseSeconds) s, seed \(seed): \(failure)")
                return
            }
        }
    }

    /// Drives one registry with seeded events and compares it, after every event, with a model
    /// kept from the rules alone. Returns the first disagreement.
    private func checkRandomFleet(seed: UInt64, lease: Duration) -> String? {
        struct Expected { var instance: Instance; var health: Health; var renewedAt: VirtualClock.Instant }
        var random = SeededRandom(seed: seed)
        let clock = VirtualClock()
        let registry = ServiceRegistry(clock: clock, leaseDuration: lease)
        let fleet = (1...8).map { instance("svc\($0 % 2)-\($0)", of: "svc\($0 % 2)") }
        var model: [String: Expected] = [:]
        func live(_ id: String) -> Expected? { model[id].flatMap { clock.now < $0.renewedAt + lease ? $0 : nil } }

        for step in 0..<300 {
            clock.advance(by: .milliseconds(Int.random(in: 0...(lease.seconds > 30 ? 25_000 : 9_000), using: &random)))
            let member = fleet.randomElement(using: &random)!
            switch Int.random(in: 0..<10, using: &random) {
            case 0:
                registry.register(member)
                model[member.id] = Expected(instance: member, health: .critical, renewedAt: clock.now)
            case 1:
                registry.deregister(member.id)
                model[member.id] = nil
            default:
                let health = [Health.passing, .passing, .passing, .warning, .critical].randomElement(using: &random)!
                let accepted = registry.heartbeat(member.id, health: health)
                if accepted != (live(member.id) != nil) {
                    return "step \(step) at \(clock.now): heartbeat of \(member.id) returned \(accepted), the lease rules say \(!accepted)"
                }
                if accepted { model[member.id] = Expected(instance: member, health: health, renewedAt: clock.now) }
            }
            for service in ["svc0", "svc1"] {
                let members = fleet.filter { $0.service == service }
                let routable = members.filter { live($0.id).map { $0.health != .critical } ?? false }
                let passing = members.filter { live($0.id)?.health == .passing }
                if registry.lookup(service) != routable {
                    return "step \(step) at \(clock.now): lookup(\(service)) gave \(registry.lookup(service)), expected \(routable)"
                }
                if registry.lookup(service, onlyPassing: true) != passing {
                    return "step \(step) at \(clock.now): lookup(\(service), onlyPassing) gave \(registry.lookup(service, onlyPassing: true)), expected \(passing)"
                }
            }
            for member in fleet where registry.health(of: member.id) != live(member.id)?.health {
                return "step \(step) at \(clock.now): health(of: \(member.id)) is \(String(describing: registry.health(of: member.id))), expected \(String(describing: live(member.id)?.health))"
            }
        }
        return nil
    }
}
