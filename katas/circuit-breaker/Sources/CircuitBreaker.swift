import KataHarness

/// The three states of a circuit breaker.
public enum BreakerState: Equatable, Sendable {
    /// Calls go through; consecutive failures are counted.
    case closed
    /// Calls are rejected without reaching the dependency, until `openDuration` has passed.
    case open
    /// One probe call is out to test whether the dependency has recovered; others are rejected.
    case halfOpen
}

/// Why `CircuitBreaker.call` did not return a response.
public enum CircuitBreakerError: Error, Equatable {
    /// The breaker rejected the call; the dependency was not called.
    case open
    /// The dependency was called and failed.
    case failed(InjectedFault)
}

/// A consecutive-failure circuit breaker on a virtual clock.
///
/// Callers can drive it by hand, the way concurrent callers would (`tryAcquire()`, then
/// `recordSuccess()` or `recordFailure()` once the call is over), or let `call(_:)` do all three.
/// The state changes only inside these methods: reading `state` never moves it.
public final class CircuitBreaker {
    public let failureThreshold: Int
    public let openDuration: Duration
    public let clock: VirtualClock

    public private(set) var state: BreakerState = .closed
    private var consecutiveFailures = 0
    /// When the breaker last tripped; meaningful only while open.
    private var openedAt: VirtualClock.Instant

    /// - Parameters:
    ///   - failureThreshold: consecutive failures, while closed, that trip the breaker.
    ///   - openDuration: how long it stays open after tripping before it lets a probe through.
    public init(failureThreshold: Int, openDuration: Duration, clock: VirtualClock) {
        self.failureThreshold = failureThreshold
        self.openDuration = openDuration
        self.clock = clock
        self.openedAt = clock.now
    }

    /// Asks to make a call now.
    ///
    /// - closed: always true.
    /// - open: false until `openDuration` has passed since the breaker tripped; from then on the
    ///   first caller moves it to half-open and gets true: that call is the probe.
    /// - half-open: false, because the one probe is already out.
    public func tryAcquire() -> Bool {
        // TODO(kata): decide by `state`; after the open duration, move to half-open for one probe.
        true
    }

    /// Reports that a call admitted by `tryAcquire()` succeeded.
    public func recordSuccess() {
        // TODO(kata): what does a success mean in each state?
    }

    /// Reports that a call admitted by `tryAcquire()` failed.
    public func recordFailure() {
        // TODO(kata): count consecutive failures while closed, and trip at `failureThreshold`.
    }

    /// Calls `dependency` through the breaker.
    ///
    /// Throws `.open` without calling the dependency if `tryAcquire()` says no. Otherwise calls
    /// it, records the outcome (every fault counts as a failure), and returns the response or
    /// throws `.failed(fault)`.
    public func call<Response>(_ dependency: ScriptedDependency<Response>) throws(CircuitBreakerError) -> Response {
        // TODO(kata): ask `tryAcquire()`, call, and record the outcome.
        do {
            return try dependency.call()
        } catch {
            throw .failed(error)
        }
    }

    private func trip() {
        // TODO(kata): open the breaker, starting the open period now.
    }

    private func close() {
        // TODO(kata): close the breaker and forget the failures from before.
    }
}
