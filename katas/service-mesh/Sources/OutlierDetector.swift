import KataHarness

/// Envoy's outlier detection settings, with Envoy's defaults.
public struct OutlierDetectionConfig: Equatable, Sendable {
    /// Consecutive 5xx replies that eject a host (`consecutive_5xx`, default 5).
    public var consecutive5xx: Int
    /// How often the detector sweeps to return hosts to service (`interval`, default 10 s).
    public var interval: Duration
    /// The ejection time per ejection multiplier step (`base_ejection_time`, default 30 s).
    public var baseEjectionTime: Duration
    /// The longest an ejection lasts (`max_ejection_time`, default 300 s).
    public var maxEjectionTime: Duration
    /// The most hosts, as a percentage of all, that may be ejected at once (`max_ejection_percent`, default 10).
    public var maxEjectionPercent: Int
    /// Eject one host even when that alone exceeds `maxEjectionPercent` (`always_eject_one_host`, default false).
    public var alwaysEjectOneHost: Bool

    public init(consecutive5xx: Int = 5, interval: Duration = .seconds(10), baseEjectionTime: Duration = .seconds(30),
                maxEjectionTime: Duration = .seconds(300), maxEjectionPercent: Int = 10, alwaysEjectOneHost: Bool = false) {
        self.consecutive5xx = consecutive5xx
        self.interval = interval
        self.baseEjectionTime = baseEjectionTime
        self.maxEjectionTime = maxEjectionTime
        self.maxEjectionPercent = maxEjectionPercent
        self.alwaysEjectOneHost = alwaysEjectOneHost
    }
}

/// Consecutive-5xx outlier detection as Envoy does it: a host that keeps answering 5xx is taken
/// out of the load-balancing pool for a while, longer each time, but never so many hosts that
/// the rest are swamped.
public final class OutlierDetector {
    public let hosts: [String]
    public let config: OutlierDetectionConfig
    private let clock: VirtualClock
    private var monitors: [String: HostMonitor]
    /// Ejections refused because they would have exceeded `maxEjectionPercent` (Envoy's `ejections_overflow`).
    public private(set) var overflowedEjections = 0

    private struct HostMonitor {
        var consecutive5xx = 0
        var ejectedAt: VirtualClock.Instant?
        var unejectedAt: VirtualClock.Instant?
        var multiplier = 0
        var timesEjected = 0
    }

    public init(hosts: [String], config: OutlierDetectionConfig = OutlierDetectionConfig(), clock: VirtualClock) {
        self.hosts = hosts
        self.config = config
        self.clock = clock
        monitors = Dictionary(uniqueKeysWithValues: hosts.map { ($0, HostMonitor()) })
    }

    public func isEjected(_ host: String) -> Bool {
        // TODO(kata): is `host` out of the pool now?
        false
    }

    /// The ejected hosts, in `hosts` order.
    public var ejectedHosts: [String] { hosts.filter(isEjected) }

    /// How many times `host` has been ejected so far.
    public func timesEjected(_ host: String) -> Int {
        // TODO(kata): count the ejections of `host`.
        0
    }

    /// The multiplier of the next or current ejection time: up by one per ejection, down by one
    /// per sweep once the host has been back in service for a whole interval.
    public func ejectionMultiplier(_ host: String) -> Int {
        // TODO(kata): the multiplier of `host`.
        0
    }

    /// How long an ejection of `host` lasts now: `baseEjectionTime × multiplier`, at most `maxEjectionTime`.
    public func ejectionTime(_ host: String) -> Duration {
        // TODO(kata): base × multiplier, capped.
        .zero
    }

    /// Records the status of one reply from `host`.
    ///
    /// A 5xx adds to the host's run of consecutive 5xx; anything else ends the run. When the run
    /// reaches `consecutive5xx` the host is ejected — if ejecting it keeps the ejected share of
    /// hosts within `maxEjectionPercent` (or it would be the only one, with `alwaysEjectOneHost`)
    /// — and the run starts again from zero either way. Replies from an ejected or unknown host
    /// are ignored: they answer requests sent before the ejection.
    public func record(_ status: Int, from host: String) {
        // TODO(kata): count the run of 5xx, eject at `consecutive5xx` if the percentage allows.
    }

    /// The interval timer: returns to service every host whose ejection time has passed, and
    /// lowers the multiplier of hosts that have stayed in service for at least one interval.
    public func sweep() {
        // TODO(kata): return hosts whose ejection time is over; lower the multiplier of hosts back
        // in service for at least one interval.
    }

    private func mayEjectAnother() -> Bool {
        // TODO(kata): would one more ejection stay within `maxEjectionPercent`?
        false
    }

    private func eject(_ monitor: inout HostMonitor) {
        // TODO(kata): mark the host ejected now and grow its multiplier (until the time is capped).
    }
}
