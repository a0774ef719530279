import KataHarness

/// An active–passive database spread over regions, with asynchronous replication.
///
/// One region, the primary, accepts writes; it acknowledges each at once and ships it to every
/// other region, where it arrives `replicationLag` later, never before a write acknowledged
/// earlier (the stream is ordered). A failover promotes another region under the next epoch: an
/// unplanned one, after the primary failed, loses the writes still in flight at the failure and
/// reports them; a planned switchover loses nothing, because the new primary accepts writes only
/// once everything in flight has reached it. Only the holder of the current epoch accepts writes,
/// so a former primary that comes back believing it leads is refused, and the writes it lost
/// never replicate into the new timeline.
public final class RegionalDatabase {
    public let regions: [String]
    /// The lag of writes acknowledged from now on (it grows under load and shrinks again).
    public var replicationLag: Duration
    public private(set) var primary: String
    public private(set) var epoch = 1
    public private(set) var failovers: [FailoverReport] = []

    private let clock: VirtualClock

    public init(regions: [String], clock: VirtualClock, replicationLag: Duration = .seconds(1)) {
        self.regions = regions
        self.clock = clock
        self.replicationLag = replicationLag
        self.primary = regions.first ?? ""
    }

    /// Whether `region` is one of `regions` and not down.
    public func isUp(_ region: String) -> Bool {
        // TODO(kata)
        false
    }

    /// Accepted only by the primary, when it is up and holds every write that is not lost; the
    /// first write a new primary accepts ends the recovery (the RTO of the last failover).
    public func write(_ key: String, _ value: String, in region: String) -> WriteOutcome {
        // TODO(kata): unavailable when down, fenced when not the primary, catchingUp while writes
        // in flight (or stranded in a failed region) have not reached it; otherwise acknowledge now
        // and ship with an arrival one lag from now, but no earlier than any earlier write's.
        .unavailable
    }

    /// The copy `region` serves now, or nil while it is down: its own writes at once, everyone
    /// else's once they have arrived, and never a lost write.
    public func contents(of region: String) -> [String: String]? {
        // TODO(kata)
        nil
    }

    /// The region goes dark now: it takes no writes, and what it had not yet shipped is stranded
    /// (a write arriving exactly now has arrived).
    public func fail(_ region: String) {
        // TODO(kata)
    }

    /// The region is back. It still believes what it believed, so only the epoch keeps it out.
    /// Its stranded writes that no failover declared lost ship again, arriving a lag from now.
    public func recover(_ region: String) {
        // TODO(kata)
    }

    /// Makes `target` the primary under the next epoch. Refused (nil) unless the target is an up
    /// region other than the primary and, when the primary is down, was already up when it failed.
    @discardableResult
    public func failover(to target: String) -> FailoverReport? {
        // TODO(kata): primary down → unplanned: the failed primary's stranded writes are lost (and
        // must never ship), the RPO is the oldest one's age at the failure. Primary up → planned.
        nil
    }
}
