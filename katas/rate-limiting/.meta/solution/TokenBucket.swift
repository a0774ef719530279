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
    /// The level at `lastRefill`. Kept as a `Double`: rounding it down would throw away the
    /// partial token that a steady trickle of requests needs.
    private var level: Double
    private var lastRefill: VirtualClock.Instant

    /// - Precondition: `capacity > 0` and `refillPerSecond > 0`.
    public init(capacity: Int, refillPerSecond: Double, clock: VirtualClock) {
        precondition(capacity > 0, "a bucket needs room for at least one token")
        precondition(refillPerSecond > 0, "a bucket that never refills is a quota, not a rate limit")
        self.capacity = Double(capacity)
        self.refillPerSecond = refillPerSecond
        self.clock = clock
        level = Double(capacity)
        lastRefill = clock.now
    }

    /// The tokens in the bucket now, refilled up to the present; reading it spends nothing.
    public var tokens: Double {
        refill()
        return level
    }

    /// Spends `cost` tokens if they are there; otherwise spends nothing and says how long to wait.
    ///
    /// - Precondition: `1 <= cost <= capacity` (a larger request could never pass).
    public func acquire(cost: Int = 1) -> Decision {
        precondition(cost >= 1 && Double(cost) <= capacity, "cost must lie in 1...capacity")
        refill()
        let needed = Double(cost)
        guard level >= needed else {
            // The bucket gains `refillPerSecond` tokens a second, so the missing part arrives in
            // deficit / rate seconds.
            let deficit = needed - level
            return .limited(retryAfter: .seconds(deficit / refillPerSecond))
        }
        level -= needed
        return .allowed
    }

    /// Lazily credits the time since the last refill. Moving `lastRefill` to now is what makes
    /// every instant count exactly once, however often the bucket is asked.
    private func refill() {
        let now = clock.now
        let elapsed = (now - lastRefill).seconds
        level = min(capacity, level + elapsed * refillPerSecond)
        lastRefill = now
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
        bucket(for: client).acquire(cost: cost)
    }

    private func bucket(for client: String) -> TokenBucket {
        if let existing = buckets[client] {
            return existing
        }
        let fresh = TokenBucket(capacity: capacity, refillPerSecond: refillPerSecond, clock: clock)
        buckets[client] = fresh
        return fresh
    }
}
