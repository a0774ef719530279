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
        switch state {
        case .closed:
            return true
        case .open:
            guard clock.now - openedAt >= openDuration else { return false }
            state = .halfOpen
            return true
        case .halfOpen:
            // Exactly one probe: a recovering dependency should not meet a full load at once.
            return false
        }
    }

    /// Reports that a call admitted by `tryAcquire()` succeeded.
    public func recordSuccess() {
        switch state {
        case .closed:
            // Only an unbroken run of failures trips the breaker; a success breaks the run.
            consecutiveFailures = 0
        case .halfOpen:
            // The probe worked: the dependency is back.
            close()
        case .open:
            // A late answer from a call admitted before the trip says little about now.
            break
        }
    }

    /// Reports that a call admitted by `tryAcquire()` failed.
    public func recordFailure() {
        switch state {
        case .closed:
            consecutiveFailures += 1
            if consecutiveFailures >= failureThreshold { trip() }
        case .halfOpen:
            // The probe failed: not recovered yet. Open again for a fresh `openDuration`.
            trip()
        case .open:
            // A late failure from a call admitted before the trip: already accounted for.
            // Restarting the timer here would keep the breaker open longer than promised.
            break
        }
    }

    /// Calls `dependency` through the breaker.
    ///
    /// Throws `.open` without calling the dependency if `tryAcquire()` says no. Otherwise calls
    /// it, records the outcome (every fault counts as a failure), and returns the response or
    /// throws `.failed(fault)`.
    public func call<Response>(_ dependency: ScriptedDependency<Response>) throws(CircuitBreakerError) -> Response {
        guard tryAcquire() else { throw .open }
        do {
            let response = try dependency.call()
            recordSuccess()
            return response
        } catch {
            recordFailure()
            throw .failed(error)
        }
    }

    private func trip() {
        state = .open
        // The timer starts now, when the breaker trips, not at the first failure of the run.
        openedAt = clock.now
    }

    private func close() {
        state = .closed
        // Failures from before the outage must not count towards the next trip.
        consecutiveFailures = 0
    }
}
