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

    /// The SRE book's choice: K = 2 over the last two minutes.
    /// - Precondition: `k >= 1` (below 1 the client would reject requests the backend accepts) and `window > 0`.
    public init(k: Double = 2, window: Duration = .seconds(120), clock: VirtualClock) {
        self.k = k
        self.window = window
        self.clock = clock
    }

    /// Attempts in the window, locally rejected ones included.
    public var requests: Int {
        // TODO(kata): forget what is `window` or more old, then count the attempts.
        return 0
    }

    /// Attempts in the window that the backend accepted.
    public var accepts: Int {
        // TODO(kata): forget what is `window` or more old, then count the accepts.
        return 0
    }

    /// The chance that the next attempt is rejected locally.
    public var rejectionProbability: Double {
        // TODO(kata): the SRE book's formula over the window.
        return 0
    }

    /// Decides one attempt: `true` to send it, `false` to fail it locally. The attempt counts as
    /// a request either way. Draws exactly one number from `random`.
    public func attempt(using random: inout some RandomNumberGenerator) -> Bool {
        // TODO(kata): take the probability before counting this attempt, count it, then send
        // unless `Double.random(in: 0..<1, using: &random)` falls below the probability.
        return true
    }

    /// The backend accepted the request just sent.
    public func recordAccepted() {
        // TODO(kata): remember when.
    }
}
