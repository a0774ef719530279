/// A clock that only moves when a test (or code under test) tells it to.
///
/// Katas never read the wall clock: time-dependent behaviour — cool-downs, refills, deadlines,
/// back-off — is driven through this clock, so a test that spans an hour of virtual time runs in
/// microseconds and gives the same answer every time.
public final class VirtualClock: @unchecked Sendable {
    /// A point on the virtual time line, measured from the clock's start.
    public struct Instant: Comparable, Hashable, Sendable, CustomStringConvertible {
        public var offset: Duration
        public init(offset: Duration) { self.offset = offset }
        public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
        public static func + (lhs: Instant, rhs: Duration) -> Instant { Instant(offset: lhs.offset + rhs) }
        public static func - (lhs: Instant, rhs: Duration) -> Instant { Instant(offset: lhs.offset - rhs) }
        public static func - (lhs: Instant, rhs: Instant) -> Duration { lhs.offset - rhs.offset }
        public var description: String { "t+\(offset)" }
    }

    public private(set) var now: Instant
    /// Every `sleep(for:)` in order, so tests can check the delays code chose.
    public private(set) var sleeps: [Duration] = []

    public init(start: Duration = .zero) {
        now = Instant(offset: start)
    }

    /// Moves time forward. Going backwards is a bug in the test, not a feature of the clock.
    public func advance(by duration: Duration) {
        precondition(duration >= .zero, "a virtual clock cannot go backwards (advance by \(duration))")
        now = now + duration
    }

    /// Moves time forward to `instant` if it lies ahead; does nothing if it has passed.
    public func advance(to instant: Instant) {
        if instant > now { now = instant }
    }

    /// What code under test calls instead of `Thread.sleep`/`Task.sleep`: time passes at once.
    public func sleep(for duration: Duration) {
        sleeps.append(duration)
        advance(by: max(duration, .zero))
    }
}

extension Duration {
    /// The duration in seconds as a `Double`, for arithmetic such as rates and jitter.
    public var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    /// A duration from a (possibly fractional) number of seconds.
    public static func seconds(_ value: Double) -> Duration {
        .nanoseconds(Int64((value * 1e9).rounded()))
    }
}
