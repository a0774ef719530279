import KataHarness

/// A service registry whose registrations are leases, kept alive by heartbeats (a Consul TTL
/// check, a Eureka lease renewal).
///
/// - `register` starts a lease of `leaseDuration` and sets the health to `.critical`: a new
///   instance gets no traffic until its first heartbeat says it can serve.
/// - `heartbeat` reports the instance's health and renews its lease from that instant. A
///   heartbeat for an instance that is not registered, was deregistered or whose lease has lapsed
///   is refused (`false`) and changes nothing: the instance must `register` again.
/// - A lease lapses exactly `leaseDuration` after the last renewal; from that instant the instance
///   is gone from every answer, with no one having to deregister it.
/// - `lookup` lists the service's instances with a live lease whose health is not `.critical`;
///   `onlyPassing` leaves out `.warning` too. Sorted by id.
public final class ServiceRegistry {
    private struct Lease {
        var instance: Instance
        var health: Health
        var expiresAt: VirtualClock.Instant
    }

    private let clock: VirtualClock
    /// How long a registration lives without a heartbeat: Eureka's 90 s by default.
    public let leaseDuration: Duration
    private var leases: [String: Lease] = [:]

    public init(clock: VirtualClock, leaseDuration: Duration = .seconds(90)) {
        self.clock = clock
        self.leaseDuration = leaseDuration
    }

    /// Registers `instance` (replacing any registration with its id) with a fresh lease, as
    /// `.critical` until its first heartbeat.
    public func register(_ instance: Instance) {
        leases[instance.id] = Lease(instance: instance, health: .critical, expiresAt: clock.now + leaseDuration)
    }

    /// Renews the lease of `id` and records its health; false when there is no live lease to renew.
    @discardableResult
    public func heartbeat(_ id: String, health: Health) -> Bool {
        guard var lease = liveLease(id) else { return false }
        lease.health = health
        lease.expiresAt = clock.now + leaseDuration
        leases[id] = lease
        return true
    }

    /// Removes `id` at once (a graceful shutdown), so no lookup lists it from now on.
    public func deregister(_ id: String) {
        leases[id] = nil
    }

    /// The last health `id` reported, or nil when it has no live lease.
    public func health(of id: String) -> Health? {
        liveLease(id)?.health
    }

    /// The instances of `service` worth calling, sorted by id; see the type's contract.
    public func lookup(_ service: String, onlyPassing: Bool = false) -> [Instance] {
        leases.keys.compactMap(liveLease)
            .filter { $0.instance.service == service && isRoutable($0.health, onlyPassing: onlyPassing) }
            .map(\.instance)
            .sorted()
    }

    /// A lapsed lease stays in the table but is never answered again: only `register` replaces it.
    private func liveLease(_ id: String) -> Lease? {
        guard let lease = leases[id], clock.now < lease.expiresAt else { return nil }
        return lease
    }

    private func isRoutable(_ health: Health, onlyPassing: Bool) -> Bool {
        switch health {
        case .passing: true
        case .warning: !onlyPassing
        case .critical: false
        }
    }
}
