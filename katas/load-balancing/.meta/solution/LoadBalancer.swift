import KataHarness

/// How the balancer chooses among the backends that are available.
public enum Strategy: Sendable {
    /// The next available backend after the last one chosen, in pool order.
    case roundRobin
    /// The available backend with the fewest requests in flight; ties go to the one round robin
    /// would reach first.
    case leastOutstanding
    /// Two distinct available backends drawn uniformly at random; the one with fewer requests in
    /// flight wins, the first drawn on a tie.
    case powerOfTwoChoices
}

/// One request sent to one backend. Hand it back with `finish(_:succeeded:)`.
public struct Request: Hashable, Sendable {
    public let backend: String
    let id: Int
}

/// Passive health checking: a backend whose requests fail `consecutiveFailures` times in a row is
/// taken out of rotation for `ejectionTime`.
public struct EjectionPolicy: Sendable {
    public var consecutiveFailures: Int
    public var ejectionTime: Duration

    /// Envoy's outlier-detection defaults: 5 consecutive errors, a 30 s base ejection time.
    public init(consecutiveFailures: Int = 5, ejectionTime: Duration = .seconds(30)) {
        self.consecutiveFailures = consecutiveFailures
        self.ejectionTime = ejectionTime
    }
}

/// Spreads requests over a pool of backends and keeps failed ones out of rotation.
///
/// A backend is *available* when its last active health check passed (`setHealthy`) and it is not
/// ejected for failing real requests. Only available backends are chosen. Time is the
/// `VirtualClock`'s; random draws come from the generator given at init.
public final class LoadBalancer {
    public let backends: [String]
    public let strategy: Strategy
    public let ejection: EjectionPolicy

    private let clock: VirtualClock
    private var random: any RandomNumberGenerator
    /// The pool position round robin (and the tie-break) starts from next time.
    private var cursor = 0
    private var lastID = 0
    private var open: Set<Request> = []
    /// `open` counted per backend, so a choice does not rescan every request in flight.
    private var openCounts: [String: Int] = [:]
    private var unhealthy: Set<String> = []
    private var ejectedUntil: [String: VirtualClock.Instant] = [:]
    private var failureStreak: [String: Int] = [:]

    public init(
        backends: [String], strategy: Strategy, clock: VirtualClock,
        random: some RandomNumberGenerator, ejection: EjectionPolicy = EjectionPolicy()
    ) {
        self.backends = backends
        self.strategy = strategy
        self.clock = clock
        self.random = random
        self.ejection = ejection
    }

    /// Chooses a backend for a new request and counts it as in flight there;
    /// nil when no backend is available.
    public func start() -> Request? {
        let available = backends.indices.filter { isAvailable(backends[$0]) }
        guard let chosen = choose(from: available) else { return nil }
        cursor = chosen + 1
        lastID += 1
        let request = Request(backend: backends[chosen], id: lastID)
        open.insert(request)
        openCounts[request.backend, default: 0] += 1
        return request
    }

    /// Ends a request: it no longer counts as in flight, and its outcome feeds ejection.
    /// Finishing a request twice does nothing the second time.
    public func finish(_ request: Request, succeeded: Bool) {
        guard open.remove(request) != nil else { return }
        let backend = request.backend
        openCounts[backend, default: 0] -= 1
        guard !isEjected(backend) else { return }
        if succeeded {
            failureStreak[backend] = 0
            return
        }
        let streak = failureStreak[backend, default: 0] + 1
        if streak >= ejection.consecutiveFailures {
            ejectedUntil[backend] = clock.now + ejection.ejectionTime
            failureStreak[backend] = 0
        } else {
            failureStreak[backend] = streak
        }
    }

    /// Records an active health check: an unhealthy backend gets no requests until it passes again.
    public func setHealthy(_ backend: String, _ healthy: Bool) {
        if healthy {
            unhealthy.remove(backend)
        } else {
            unhealthy.insert(backend)
        }
    }

    /// Requests started on `backend` and not yet finished.
    public func inFlight(_ backend: String) -> Int {
        openCounts[backend, default: 0]
    }

    /// Whether `backend` may be chosen now: healthy and not ejected.
    public func isAvailable(_ backend: String) -> Bool {
        backends.contains(backend) && !unhealthy.contains(backend) && !isEjected(backend)
    }

    private func isEjected(_ backend: String) -> Bool {
        guard let until = ejectedUntil[backend] else { return false }
        return clock.now < until
    }

    /// `available` (pool positions, ascending) rotated to start at the cursor, so the scan
    /// resumes after the backend chosen last and wraps around.
    private func fromCursor(_ available: [Int]) -> [Int] {
        available.filter { $0 >= cursor } + available.filter { $0 < cursor }
    }

    private func choose(from available: [Int]) -> Int? {
        switch strategy {
        case .roundRobin:
            return fromCursor(available).first
        case .leastOutstanding:
            // min(by:) keeps the first of equal elements, so ties go to round-robin order.
            return fromCursor(available).min { load($0) < load($1) }
        case .powerOfTwoChoices:
            return twoChoices(from: available)
        }
    }

    /// Draws two distinct positions from `available` and keeps the less loaded backend.
    private func twoChoices(from available: [Int]) -> Int? {
        guard available.count > 1 else { return available.first }
        let first = Int.random(in: 0..<available.count, using: &random)
        var second = Int.random(in: 0..<(available.count - 1), using: &random)
        if second >= first { second += 1 }
        let (a, b) = (available[first], available[second])
        return load(b) < load(a) ? b : a
    }

    private func load(_ position: Int) -> Int {
        inFlight(backends[position])
    }
}
