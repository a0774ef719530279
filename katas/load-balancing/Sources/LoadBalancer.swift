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
        // TODO(kata): choose among the available backends by `strategy`, then record the request.
        nil
    }

    /// Ends a request: it no longer counts as in flight, and its outcome feeds ejection.
    /// Finishing a request twice does nothing the second time.
    public func finish(_ request: Request, succeeded: Bool) {
        // TODO(kata): stop counting it, and track the backend's run of consecutive failures.
    }

    /// Records an active health check: an unhealthy backend gets no requests until it passes again.
    public func setHealthy(_ backend: String, _ healthy: Bool) {
        // TODO(kata): remember which backends failed their last health check.
    }

    /// Requests started on `backend` and not yet finished.
    public func inFlight(_ backend: String) -> Int {
        // TODO(kata)
        0
    }

    /// Whether `backend` may be chosen now: healthy and not ejected.
    public func isAvailable(_ backend: String) -> Bool {
        // TODO(kata): a pool member that passed its last health check and is not ejected now.
        false
    }
}
