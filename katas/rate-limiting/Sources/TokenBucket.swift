import KataHarness

/// What a rate limiter answers for one request.
public enum Decision: Equatable, Sendable {
    /// The request may proceed; its tokens have been spent.
    case allowed
    /// The request must not proceed. Asking again after `retryAfter` would succeed, provided
    /// nothing else spends tokens in the meantime (this is what an HTTP `Retry-After` carries).
    case limited(retryAfter: Duration)
}

/// A token bucket: bursts of up to `capacity` requests, and `refillPerSecond` requests a second
/// sustained.
///
/// The bucket starts full. It refills continuously: after `Δt` seconds it holds
/// `min(capacity, tokens + refillPerSecond · Δt)` tokens, fractions included. A request that
/// costs `n` tokens is allowed when at least `n` are there, and then spends them; a request that
/// is limited spends nothing. Time comes from the `VirtualClock`; nothing runs in the background.
public final class TokenBucket {
    public let capacity: Double
    public let refillPerSecond: Double

    private let clock: VirtualClock
    /// The level at `lastRefill`.
    private var level: Double
    private var lastRefill: VirtualClock.Instant

    /// - Precondition: `capacity > 0` and `refillPerSecond > 0`.
    public init(capacity: Int, refillPerSecond: Double, clock: VirtualClock) {
        self.capacity = Double(capacity)
        self.refillPerSecond = refillPerSecond
        self.clock = clock
        level = Double(capacity)
        lastRefill = clock.now
    }

    /// The tokens in the bucket now, refilled up to the present; reading it spends nothing.
    public var tokens: Double {
        // TODO(kata): bring the level up to date, then report it.
        return level
    }

    /// Spends `cost` tokens if they are there; otherwise spends nothing and says how long to wait.
    ///
    /// `retryAfter` is the time until the bucket will hold `cost` tokens at the refill rate.
    /// Callers pass `1 <= cost <= capacity` (a larger request could never pass).
    public func acquire(cost: Int = 1) -> Decision {
        // TODO(kata): refill, then either spend `cost` tokens or compute how long to wait.
        return .allowed
    }

    /// Credits the tokens earned since the last refill, never beyond `capacity`.
    private func refill() {
        // TODO(kata): add refillPerSecond × (seconds since lastRefill), capped at capacity,
        // and remember when you did it. `Duration.seconds` (KataHarness) gives a Double.
    }
}

/// One token bucket per client, created full the first time that client is seen.
public final class RateLimiter {
    private let capacity: Int
    private let refillPerSecond: Double
    private let clock: VirtualClock
    private var buckets: [String: TokenBucket] = [:]

    public init(capacity: Int, refillPerSecond: Double, clock: VirtualClock) {
        self.capacity = capacity
        self.refillPerSecond = refillPerSecond
        self.clock = clock
    }

    /// Decides one request from `client`: one client's burst never uses up another's tokens.
    public func acquire(client: String, cost: Int = 1) -> Decision {
        // TODO(kata): find or create this client's bucket and ask it.
        return .allowed
    }
}
