import KataHarness
import RedundancyKata

extension Duration {
    static func ms(_ value: Int) -> Duration { .milliseconds(value) }
}

extension VirtualClock.Instant {
    /// The instant `value` ms after the clock's start, for readable expectations.
    static func ms(_ value: Int) -> VirtualClock.Instant { VirtualClock.Instant(offset: .milliseconds(value)) }
}

/// A replica answering `replies` in order; any further request fails at once, so an extra send shows.
func scripted<Value>(_ name: String, _ clock: VirtualClock, _ replies: [ReplicaReply<Value>]) -> Replica<Value> {
    Replica(name: name, clock: clock, script: replies, then: .failure(.connectionRefused, after: .zero))
}

/// A replica of a string-valued service answering `replies` in order.
func replica(_ name: String, _ clock: VirtualClock, _ replies: ReplicaReply<String>...) -> Replica<String> {
    scripted(name, clock, replies)
}

/// A tracker that never gathers enough samples, so every request hedges after `delay`.
func fixedDelay(_ delay: Duration) -> LatencyTracker {
    LatencyTracker(percentile: 95, window: 10, minimumSamples: 1_000, initialDelay: delay)
}

/// The send instants of a replica's attempts.
func sends<Value>(_ replica: Replica<Value>) -> [VirtualClock.Instant] {
    replica.attempts.map(\.sentAt)
}

/// The cancel instants of a replica's attempts (nil: not cancelled).
func cancels<Value>(_ replica: Replica<Value>) -> [VirtualClock.Instant?] {
    replica.attempts.map(\.cancelledAt)
}
