import KataHarness

/// The classic detector: a peer is suspected once `timeout` has passed without a heartbeat
/// (Akka's `DeadlineFailureDetector` works this way, with timeout = acceptable pause + interval).
public final class FixedTimeoutDetector {
    public let timeout: Duration

    private let clock: VirtualClock
    private var lastHeartbeat: VirtualClock.Instant?

    /// - Precondition: `timeout > 0`.
    public init(timeout: Duration, clock: VirtualClock) {
        precondition(timeout > .zero, "a timeout must be positive")
        self.timeout = timeout
        self.clock = clock
    }

    /// Records a heartbeat arriving now.
    public func heartbeat() {
        lastHeartbeat = clock.now
    }

    /// Available before the first heartbeat (nothing is known yet) and while less than `timeout`
    /// has passed since the last one; suspected from the instant the timeout is reached.
    public var isAvailable: Bool {
        guard let last = lastHeartbeat else { return true }
        return clock.now - last < timeout
    }
}
