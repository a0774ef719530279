import KataHarness

/// What the experiment does to a request it targets.
public enum Fault: Equatable, Sendable {
    /// The dependency call fails.
    case error
    /// The dependency call takes this much longer.
    case latency(Duration)
}

/// One request of the traffic the experiment watches.
public struct Request: Equatable, Sendable {
    public let user: String
    public let at: VirtualClock.Instant

    public init(user: String, at: VirtualClock.Instant) {
        self.user = user
        self.at = at
    }
}

/// How the service answered one request.
public struct Outcome: Equatable, Sendable {
    public let succeeded: Bool
    public let latency: Duration

    public init(succeeded: Bool, latency: Duration) {
        self.succeeded = succeeded
        self.latency = latency
    }
}

/// A fault switched on for the half-open interval `from ..< until`.
public struct ScheduledFault: Equatable, Sendable {
    public let fault: Fault
    public let from: VirtualClock.Instant
    public let until: VirtualClock.Instant

    public init(_ fault: Fault, from: VirtualClock.Instant, until: VirtualClock.Instant) {
        self.fault = fault
        self.from = from
        self.until = until
    }
}

/// Which faults to inject, when, and into how much of the traffic.
///
/// Every user has a fixed bucket in `0 ..< 1`, so a user stays in the same group for the whole
/// experiment. By default the bucket is a hash of the seed and the user's name: another
/// seed reshuffles who is in which group, the same seed reproduces the run exactly.
public struct InjectionPlan: Sendable {
    /// The share of traffic in the experiment group; the control group gets the same share.
    public let blastRadius: Double
    public let faults: [ScheduledFault]
    public let bucket: @Sendable (String) -> Double

    public init(blastRadius: Double, faults: [ScheduledFault], seed: UInt64) {
        self.init(blastRadius: blastRadius, faults: faults, bucket: { user in Self.hashBucket(user, seed: seed) })
    }

    /// A plan whose buckets a test chooses.
    public init(blastRadius: Double, faults: [ScheduledFault], bucket: @escaping @Sendable (String) -> Double) {
        precondition((0...0.5).contains(blastRadius), "two groups of blastRadius each must fit in the traffic")
        self.blastRadius = blastRadius
        self.faults = faults
        self.bucket = bucket
    }

    /// FNV-1a of the name, mixed with the seed through SplitMix64: FNV alone leaves the high
    /// bits of names that differ only at the end nearly equal.
    private static func hashBucket(_ user: String, seed: UInt64) -> Double {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in user.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        var mixer = SeededRandom(seed: seed ^ hash)
        return Double(mixer.next() >> 11) * 0x1p-53
    }
}

/// The experiment's pass/fail rules on the experiment group compared with control.
public struct Hypothesis: Sendable {
    /// How far the experiment's success rate may fall below control's (0.01 is one point).
    public var maxSuccessRateDrop: Double
    /// How far the experiment's p99 latency may rise above control's.
    public var maxP99Increase: Duration
    /// Fewer requests than this in either group, and the run proves nothing.
    public var minSamples: Int

    public init(maxSuccessRateDrop: Double, maxP99Increase: Duration, minSamples: Int) {
        precondition(minSamples >= 1, "a verdict needs at least one request per group")
        self.maxSuccessRateDrop = maxSuccessRateDrop
        self.maxP99Increase = maxP99Increase
        self.minSamples = minSamples
    }
}

/// The guard: absolute bounds on the experiment group, watched over a sliding window, that stop
/// the experiment at once when crossed (AWS FIS calls them stop conditions).
public struct StopCondition: Sendable {
    /// The window the SLIs are measured over; 60 s is CloudWatch's standard-resolution period.
    public var window: Duration
    /// Until the window holds this many experiment requests, the guard does not judge.
    public var minSamples: Int
    public var minSuccessRate: Double
    public var maxP99: Duration

    public init(window: Duration = .seconds(60), minSamples: Int, minSuccessRate: Double, maxP99: Duration) {
        self.window = window
        self.minSamples = minSamples
        self.minSuccessRate = minSuccessRate
        self.maxP99 = maxP99
    }
}

/// Which bound was crossed, the value seen and the limit it crossed.
public enum Breach: Equatable, Sendable {
    case successRate(observed: Double, limit: Double)
    case p99(observed: Duration, limit: Duration)
}

public enum Verdict: Equatable, Sendable {
    /// The experiment group stayed within the hypothesis's tolerance of control.
    case held
    /// The run finished, and the experiment group fell outside the tolerance.
    case refuted([Breach])
    /// The guard stopped the experiment at this request's arrival.
    case aborted(at: VirtualClock.Instant, Breach)
    /// A group had too few requests to judge.
    case inconclusive
}

public enum Group: Equatable, Sendable {
    case experiment, control, untouched
}

/// One group's SLIs over the whole run.
public struct GroupSummary: Equatable, Sendable {
    public let requests: Int
    public let successRate: Double?
    public let p99: Duration?

    public init(requests: Int, successRate: Double?, p99: Duration?) {
        self.requests = requests
        self.successRate = successRate
        self.p99 = p99
    }
}

public struct Report: Equatable, Sendable {
    public let verdict: Verdict
    /// How many requests were served with a fault.
    public let injectedFaults: Int
    public let experiment: GroupSummary
    public let control: GroupSummary

    public init(verdict: Verdict, injectedFaults: Int, experiment: GroupSummary, control: GroupSummary) {
        self.verdict = verdict
        self.injectedFaults = injectedFaults
        self.experiment = experiment
        self.control = control
    }
}
