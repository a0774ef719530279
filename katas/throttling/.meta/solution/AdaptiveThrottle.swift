import KataHarness

/// Client-side adaptive throttling (Google, *Site Reliability Engineering*, ch. 21).
///
/// The client remembers, over a rolling `window`, how many requests the application attempted and
/// how many the backend accepted. Once attempts outrun `k` times the accepts, it rejects new
/// attempts locally, without sending them, with probability
/// `max(0, (requests − k·accepts) / (requests + 1))`.
public final class AdaptiveThrottle {
    public let k: Double
    public let window: Duration

    private let clock: VirtualClock
    private var requestTimes: [VirtualClock.Instant] = []
    private var acceptTimes: [VirtualClock.Instant] = []

    /// The SRE book's choice: K = 2 over the last two minutes.
    /// - Precondition: `k >= 1` (below 1 the client would reject requests the backend accepts) and `window > 0`.
    public init(k: Double = 2, window: Duration = .seconds(120), clock: VirtualClock) {
        precondition(k >= 1, "K below 1 throttles a healthy backend")
        precondition(window > .zero, "the window must be positive")
        self.k = k
        self.window = window
        self.clock = clock
    }

    /// Attempts in the window, locally rejected ones included.
    public var requests: Int {
        forgetExpired()
        return requestTimes.count
    }

    /// Attempts in the window that the backend accepted.
    public var accepts: Int {
        forgetExpired()
        return acceptTimes.count
    }

    /// The chance that the next attempt is rejected locally.
    public var rejectionProbability: Double {
        let requests = Double(requests)
        return max(0, (requests - k * Double(accepts)) / (requests + 1))
    }

    /// Decides one attempt: `true` to send it, `false` to fail it locally. The attempt counts as
    /// a request either way. Draws exactly one number from `random`.
    public func attempt(using random: inout some RandomNumberGenerator) -> Bool {
        let probability = rejectionProbability
        requestTimes.append(clock.now)
        return Double.random(in: 0..<1, using: &random) >= probability
    }

    /// The backend accepted the request just sent.
    public func recordAccepted() {
        acceptTimes.append(clock.now)
    }

    /// Drops what happened `window` or more ago: the window is (now − window, now]. Times are
    /// appended as the clock moves forward, so the expired ones are always a prefix.
    private func forgetExpired() {
        let horizon = clock.now - window
        requestTimes.removeFirst(requestTimes.prefix { $0 <= horizon }.count)
        acceptTimes.removeFirst(acceptTimes.prefix { $0 <= horizon }.count)
    }
}
