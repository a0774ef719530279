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
    private let clock: VirtualClock
    /// How long a registration lives without a heartbeat: Eureka's 90 s by default.
    public let leaseDuration: Duration
    // TODO(kata): somewhere to keep, per instance id, the instance, its last reported health and
    // the instant its lease lapses.

    public init(clock: VirtualClock, leaseDuration: Duration = .seconds(90)) {
        self.clock = clock
        self.leaseDuration = leaseDuration
    }

    /// Registers `instance` (replacing any registration with its id) with a fresh lease, as
    /// `.critical` until its first heartbeat.
    public func register(_ instance: Instance) {
        // TODO(kata): start a lease of `leaseDuration` from now, health `.critical`.
    }

    /// Renews the lease of `id` and records its health; false when there is no live lease to renew.
    @discardableResult
    public func heartbeat(_ id: String, health: Health) -> Bool {
        // TODO(kata): refuse an unknown id or a lapsed lease; otherwise record the health and
        // renew the lease from now.
        false
    }

    /// Removes `id` at once (a graceful shutdown), so no lookup lists it from now on.
    public func deregister(_ id: String) {
        // TODO(kata): forget the registration.
    }

    /// The last health `id` reported, or nil when it has no live lease.
    public func health(of id: String) -> Health? {
        // TODO(kata): nil for an unknown id or a lapsed lease.
        nil
    }

    /// The instances of `service` worth calling, sorted by id; see the type's contract.
    public func lookup(_ service: String, onlyPassing: Bool = false) -> [Instance] {
        // TODO(kata): live leases of this service that are not critical (nor warning, when
        // `onlyPassing`), sorted. A lease is live while now is before the instant it lapses.
        []
    }
}
