import KataHarness

/// The two service-level indicators the experiment watches.
public enum SLI {
    /// The share of outcomes that succeeded; nil when there are none.
    public static func successRate(of outcomes: [Outcome]) -> Double? {
        guard !outcomes.isEmpty else { return nil }
        return Double(outcomes.filter(\.succeeded).count) / Double(outcomes.count)
    }

    /// The nearest-rank 99th percentile of the successful outcomes' latencies: the latency at
    /// rank ⌈0.99 × n⌉ in ascending order. Nil when nothing succeeded.
    public static func p99(of outcomes: [Outcome]) -> Duration? {
        let latencies = outcomes.filter(\.succeeded).map(\.latency).sorted()
        guard !latencies.isEmpty else { return nil }
        let rank = (99 * latencies.count + 99) / 100      // ⌈99n / 100⌉ in integers, no rounding error
        return latencies[rank - 1]
    }
}

/// Outcomes over a sliding window of virtual time.
///
/// An outcome recorded at `t` is in the window at `now` when `now - length < t <= now`: it leaves
/// the instant it is exactly `length` old.
public struct SLIWindow {
    public let length: Duration
    private var samples: [(at: VirtualClock.Instant, outcome: Outcome)] = []

    public init(length: Duration) {
        self.length = length
    }

    public mutating func record(_ outcome: Outcome, at instant: VirtualClock.Instant) {
        samples.append((instant, outcome))
    }

    /// The outcomes in the window at `now`, oldest first.
    public func outcomes(at now: VirtualClock.Instant) -> [Outcome] {
        samples.filter { now - $0.at < length && $0.at <= now }.map(\.outcome)
    }

    public func successRate(at now: VirtualClock.Instant) -> Double? {
        SLI.successRate(of: outcomes(at: now))
    }

    public func p99(at now: VirtualClock.Instant) -> Duration? {
        SLI.p99(of: outcomes(at: now))
    }
}
