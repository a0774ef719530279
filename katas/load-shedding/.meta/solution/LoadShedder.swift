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
    private var open: Set<Permit> = []
    private var lastID = 0

    public init(policy: AIMDPolicy = AIMDPolicy(), shares: PriorityShares = .standard, clock: VirtualClock) {
        self.policy = policy
        self.shares = shares
        self.clock = clock
        self.limit = policy.initialLimit
    }

    /// Requests admitted and not yet completed.
    public var inFlight: Int { open.count }

    /// How many requests may be in flight for `priority` to be admitted: `floor(limit × share)`.
    public func allowance(for priority: Priority) -> Int {
        Int((Double(limit) * shares.share(of: priority)).rounded(.down))
    }

    /// Decides before any work starts: shed if the deadline has passed or the class's share is
    /// full, otherwise admit and count the request in flight.
    public func admit(_ priority: Priority, deadline: VirtualClock.Instant) -> Admission {
        if deadline <= clock.now { return shed(priority, .deadlineExpired) }
        guard inFlight < allowance(for: priority) else { return shed(priority, .overLimit) }
        lastID += 1
        let permit = Permit(id: lastID, inFlightAtStart: inFlight + 1, startedAt: clock.now)
        open.insert(permit)
        return .admitted(permit)
    }

    /// Ends an admitted request and adapts the limit from its outcome and latency (now − start).
    /// Completing a permit twice does nothing the second time.
    public func complete(_ permit: Permit, failed: Bool) {
        guard open.remove(permit) != nil else { return }
        let latency = clock.now - permit.startedAt
        if failed || latency > policy.latencyThreshold {
            limit = max(1, Int((Double(limit) * policy.backoffRatio).rounded(.down)))
        } else if permit.inFlightAtStart * 2 >= limit {
            limit = min(policy.maxLimit, limit + 1)
        }
    }

    /// Admits, calls the dependency (its latency passes on the clock), and completes.
    public func call<Response>(
        _ priority: Priority, deadline: VirtualClock.Instant, _ dependency: ScriptedDependency<Response>
    ) throws(LoadSheddingError) -> Response {
        let permit: Permit
        switch admit(priority, deadline: deadline) {
        case .shed(let reason): throw .shed(reason)
        case .admitted(let admitted): permit = admitted
        }
        do {
            let response = try dependency.call()
            complete(permit, failed: false)
            return response
        } catch {
            complete(permit, failed: true)
            throw .failed(error)
        }
    }

    private func shed(_ priority: Priority, _ reason: ShedReason) -> Admission {
        shedCounts[priority, default: 0] += 1
        return .shed(reason)
    }
}
