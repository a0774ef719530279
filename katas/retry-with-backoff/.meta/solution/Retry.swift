import KataHarness

/// How much randomness to mix into each back-off delay.
///
/// `ceiling` below is the capped exponential delay, `min(cap, base × 2^(retry−1))`.
public enum Jitter: Sendable, Equatable {
    /// Sleep exactly `ceiling`. Every client that failed together retries together.
    case none
    /// Sleep a uniformly random duration in `[0, ceiling)`.
    case full
    /// Sleep `ceiling/2` plus a uniformly random duration in `[0, ceiling/2)`.
    case equal
}

/// When and how often to retry.
public struct BackoffPolicy: Sendable {
    /// The ceiling for the first retry.
    public var base: Duration
    /// No delay is ever longer than this.
    public var cap: Duration
    /// Attempts in total, the first one included: 1 means never retry.
    public var maxAttempts: Int
    public var jitter: Jitter

    public init(base: Duration, cap: Duration, maxAttempts: Int, jitter: Jitter) {
        self.base = base
        self.cap = cap
        self.maxAttempts = maxAttempts
        self.jitter = jitter
    }

    /// The exponential ceiling before retry number `retry` (1 is the first retry, made after the
    /// first attempt failed): `min(cap, base × 2^(retry−1))`, so base, 2×base, 4×base, … up to cap.
    public func ceiling(beforeRetry retry: Int) -> Duration {
        var ceiling = base
        var doublings = retry - 1
        // Stop doubling once the cap is reached: the result is the same, and a large retry number
        // cannot overflow `Duration`.
        while doublings > 0, ceiling < cap {
            ceiling = ceiling * 2
            doublings -= 1
        }
        return min(ceiling, cap)
    }

    /// The time to sleep before retry number `retry`, with this policy's jitter applied to
    /// `ceiling(beforeRetry:)`. Draws one `Double.random(in: 0..<1, using:)` for `.full` and
    /// `.equal`, none for `.none`.
    public func delay(beforeRetry retry: Int, using random: inout some RandomNumberGenerator) -> Duration {
        let ceiling = ceiling(beforeRetry: retry)
        switch jitter {
        case .none:
            return ceiling
        case .full:
            return ceiling * Double.random(in: 0..<1, using: &random)
        case .equal:
            let half = ceiling / 2
            return half + half * Double.random(in: 0..<1, using: &random)
        }
    }
}

/// Whether a failed call is worth repeating: true for faults that are likely to go away.
///
/// Connection failures and timeouts are transient, as are 429 (Too Many Requests), 500, 502, 503
/// and 504. Every other status (400, 401, 403, 404, 409, 501, …) says the request itself is wrong
/// or unsupported and would fail the same way again.
public func isRetryable(_ fault: InjectedFault) -> Bool {
    switch fault {
    case .connectionRefused, .connectionReset, .timedOut:
        true
    case .serverError(let code):
        [429, 500, 502, 503, 504].contains(code)
    }
}

/// Calls a dependency, retrying transient failures with exponential back-off.
public struct Retrier {
    public let policy: BackoffPolicy
    public let clock: VirtualClock

    public init(policy: BackoffPolicy, clock: VirtualClock) {
        self.policy = policy
        self.clock = clock
    }

    /// Calls `dependency` up to `policy.maxAttempts` times in total.
    ///
    /// Returns the first success. A non-retryable fault is thrown at once. Before retry number
    /// `n` it sleeps `policy.delay(beforeRetry: n, using: &random)` on the clock; it never sleeps
    /// before the first attempt or after the last. When the attempts run out it throws the last
    /// fault.
    public func call<Response>(
        _ dependency: ScriptedDependency<Response>,
        using random: inout some RandomNumberGenerator
    ) throws(InjectedFault) -> Response {
        var attempt = 1
        while true {
            do {
                return try dependency.call()
            } catch {
                // A permanent fault fails the same way every time, and the last attempt's fault
                // is the answer: either way, stop here.
                guard isRetryable(error), attempt < policy.maxAttempts else { throw error }
                // Retry number `attempt` follows attempt number `attempt`.
                clock.sleep(for: policy.delay(beforeRetry: attempt, using: &random))
                attempt += 1
            }
        }
    }
}
