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
        precondition(settings.maxSampleSize >= 2, "the window must hold the two seed intervals")
        self.settings = settings
        self.clock = clock
    }

    /// Records a heartbeat arriving now.
    ///
    /// The first one seeds the window from `firstHeartbeatEstimate`, so a peer that sends one
    /// heartbeat and dies is still suspected. A later one adds the gap since the previous one,
    /// unless the peer was already suspected when it arrived.
    public func heartbeat() {
        let now = clock.now
        if let last = lastHeartbeat {
            // The gap of an outage is not a sample of the healthy link: learning it would widen
            // the distribution and slow down the next detection.
            if isAvailable { record(now - last) }
        } else {
            let estimate = settings.firstHeartbeatEstimate
            let spread = estimate / 4
            record(estimate - spread)
            record(estimate + spread)
        }
        lastHeartbeat = now
    }

    /// The suspicion level now: 0 before the first heartbeat, growing without bound with silence.
    public var phi: Double {
        guard let last = lastHeartbeat else { return 0 }
        let samples = intervals.map(\.seconds)
        let count = Double(samples.count)
        let sampleMean = samples.reduce(0, +) / count
        let variance = samples.reduce(0) { $0 + ($1 - sampleMean) * ($1 - sampleMean) } / count
        let mean = sampleMean + settings.acceptableHeartbeatPause.seconds
        let deviation = max(variance.squareRoot(), settings.minStdDeviation.seconds)
        let elapsed = (clock.now - last).seconds
        // P_later = 1 − Φ(y) = ½·erfc(y/√2) with y = (elapsed − mean)/deviation; erfc keeps the
        // far tail accurate where 1 − Φ would round to 0.
        let pLater = 0.5 * erfc((elapsed - mean) / (deviation * 2.0.squareRoot()))
        return -log10(pLater)
    }

    /// Whether the peer counts as alive now: φ below the threshold.
    public var isAvailable: Bool {
        phi < settings.threshold
    }

    private func record(_ interval: Duration) {
        intervals.append(interval)
        if intervals.count > settings.maxSampleSize {
            intervals.removeFirst()
        }
    }
}
