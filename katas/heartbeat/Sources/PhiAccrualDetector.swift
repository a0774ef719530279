import KataHarness
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A φ accrual failure detector for one peer (Hayashibara et al., SRDS 2004, as built in Akka).
///
/// It learns the distribution of the gaps between heartbeats from a sliding window and reports
/// how suspicious the current silence is: `φ = −log10(P_later)`, where `P_later` is the
/// probability, under a normal distribution with the window's mean (plus the acceptable pause)
/// and standard deviation (at least the minimum), that the next heartbeat comes even later.
public final class PhiAccrualDetector {
    public let settings: PhiAccrualSettings
    /// The learned inter-arrival intervals, oldest first; at most `settings.maxSampleSize`.
    public private(set) var intervals: [Duration] = []

    private let clock: VirtualClock
    private var lastHeartbeat: VirtualClock.Instant?

    /// - Precondition: `settings.maxSampleSize >= 2` (the seed is two intervals).
    public init(settings: PhiAccrualSettings = PhiAccrualSettings(), clock: VirtualClock) {
        self.settings = settings
        self.clock = clock
    }

    /// Records a heartbeat arriving now.
    ///
    /// The first one seeds the window from `firstHeartbeatEstimate`, so a peer that sends one
    /// heartbeat and dies is still suspected. A later one adds the gap since the previous one,
    /// unless the peer was already suspected when it arrived.
    public func heartbeat() {
        // TODO(kata): seed the window on the first heartbeat (estimate ∓ estimate/4); later, add
        // the gap since the previous heartbeat if the peer is still available; keep at most
        // maxSampleSize intervals; remember when this heartbeat came.
    }

    /// The suspicion level now: 0 before the first heartbeat, growing without bound with silence.
    public var phi: Double {
        // TODO(kata): mean and (population) standard deviation of the window, the pause added
        // to the mean, the deviation floored at minStdDeviation, then −log10 of the normal
        // tail beyond the time since the last heartbeat. `erfc` comes from the C library.
        return 0
    }

    /// Whether the peer counts as alive now: φ below the threshold.
    public var isAvailable: Bool {
        // TODO(kata): compare φ with the threshold.
        return true
    }
}
