import KataHarness

/// The two service-level indicators the experiment watches.
public enum SLI {
    /// The share of outcomes that succeeded; nil when there are none.
    public static func successRate(of outcomes: [Outcome]) -> Double? {
        // TODO(kata)
        nil
    }

    /// The nearest-rank 99th percentile of the successful outcomes' latencies: the latency at
    /// rank ⌈0.99 × n⌉ in ascending order. Nil when nothing succeeded.
    public static func p99(of outcomes: [Outcome]) -> Duration? {
        // TODO(kata): failed requests do not count; compute the rank in integers.
        nil
    }
}

/// Outcomes over a sliding window of virtual time.
///
/// An outcome recorded at `t` is in the window at `now` when `now - length < t <= now`: it leaves
/// the instant it is exactly `length` old.
public struct SLIWindow {
    public let length: Duration

    public init(length: Duration) {
        self.length = length
    }

    public mutating func record(_ outcome: Outcome, at instant: VirtualClock.Instant) {
        // TODO(kata)
    }

    /// The outcomes in the window at `now`, oldest first.
    public func outcomes(at now: VirtualClock.Instant) -> [Outcome] {
        // TODO(kata)
        []
    }

    public func successRate(at now: VirtualClock.Instant) -> Double? {
        // TODO(kata)
        nil
    }

    public func p99(at now: VirtualClock.Instant) -> Duration? {
        // TODO(kata)
        nil
    }
}
