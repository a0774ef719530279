import KataHarness

/// Proof that a request was admitted; hand it back with `complete(_:failed:)`.
public struct Permit: Hashable, Sendable {
    let id: Int
    /// The number in flight, this request included, when it was admitted.
    let inFlightAtStart: Int
    let startedAt: VirtualClock.Instant
}

/// The answer to `admit`.
public enum Admission: Equatable, Sendable {
    case admitted(Permit)
    case shed(ShedReason)
}

/// Why `LoadShedder.call` did not return a response.
public enum LoadSheddingError: Error, Equatable {
    /// The request was turned away; the dependency was not called.
    case shed(ShedReason)
    /// The dependency was called and failed.
    case failed(InjectedFault)
}

/// Admits requests under an adaptive concurrency limit, lowest priorities shed first.
///
/// The limit moves by AIMD on each completed request: a failure, or a latency above the threshold,
/// is a *drop* and multiplies the limit by `backoffRatio`; a success that started with the server
/// at least half full adds 1. Each priority may only fill its share of the limit, so as the limit
/// falls the lowest classes are shed first. Time is the `VirtualClock`'s.
public final class LoadShedder {
    public let policy: AIMDPolicy
    public let shares: PriorityShares
    public private(set) var limit: Int
    /// Requests shed so far, by priority.
    public private(set) var shedCounts: [Priority: Int] = [:]

    private let clock: VirtualClock

    public init(policy: AIMDPolicy = AIMDPolicy(), shares: PriorityShares = .standard, clock: VirtualClock) {
        self.policy = policy
        self.shares = shares
        self.clock = clock
        self.limit = policy.initialLimit
    }

    /// Requests admitted and not yet completed.
    public var inFlight: Int {
        // TODO(kata)
        0
    }

    /// How many requests may be in flight for `priority` to be admitted: `floor(limit × share)`.
    public func allowance(for priority: Priority) -> Int {
        // TODO(kata)
        0
    }

    /// Decides before any work starts: shed if the deadline has passed or the class's share is
    /// full, otherwise admit and count the request in flight.
    public func admit(_ priority: Priority, deadline: VirtualClock.Instant) -> Admission {
        // TODO(kata): check the deadline, then the class's allowance; count what you shed.
        .shed(.overLimit)
    }

    /// Ends an admitted request and adapts the limit from its outcome and latency (now − start).
    /// Completing a permit twice does nothing the second time.
    public func complete(_ permit: Permit, failed: Bool) {
        // TODO(kata): a drop multiplies the limit by backoffRatio; a success that started with
        // the server at least half full adds 1, up to maxLimit.
    }

    /// Admits, calls the dependency (its latency passes on the clock), and completes.
    public func call<Response>(
        _ priority: Priority, deadline: VirtualClock.Instant, _ dependency: ScriptedDependency<Response>
    ) throws(LoadSheddingError) -> Response {
        // TODO(kata): admit first; call the dependency only if admitted, and always complete.
        throw .shed(.overLimit)
    }
}
