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
    /// Every accepted write in acknowledgement order, with when it reaches the other regions:
    /// nil while it is stranded in its failed origin.
    private var log: [(write: AcknowledgedWrite, arrivesAt: VirtualClock.Instant?)] = []
    private var failedAt: [String: VirtualClock.Instant] = [:]
    private var recoveredAt: [String: VirtualClock.Instant] = [:]

    public init(regions: [String], clock: VirtualClock, replicationLag: Duration = .seconds(1)) {
        self.regions = regions
        self.clock = clock
        self.replicationLag = replicationLag
        self.primary = regions[0]
    }

    /// Whether `region` is one of `regions` and not down.
    public func isUp(_ region: String) -> Bool {
        regions.contains(region) && failedAt[region] == nil
    }

    /// Accepted only by the primary, when it is up and holds every write that is not lost; the
    /// first write a new primary accepts ends the recovery (the RTO of the last failover).
    public func write(_ key: String, _ value: String, in region: String) -> WriteOutcome {
        guard isUp(region) else { return .unavailable }
        guard region == primary else { return .fenced(primary: primary, epoch: epoch) }
        guard caughtUp else { return .catchingUp }
        let write = AcknowledgedWrite(key: key, value: value, region: region, epoch: epoch, acknowledgedAt: clock.now)
        log.append((write, inOrder(clock.now + replicationLag)))
        if let last = failovers.indices.last, failovers[last].rto == nil {
            failovers[last].rto = clock.now - failovers[last].startedAt
        }
        return .accepted
    }

    /// The copy `region` serves now, or nil while it is down: its own writes at once, everyone
    /// else's once they have arrived, and never a lost write.
    public func contents(of region: String) -> [String: String]? {
        guard isUp(region) else { return nil }
        var rows: [String: String] = [:]
        for (write, arrivesAt) in log where write.region == region || arrivesAt.map({ $0 <= clock.now }) == true {
            rows[write.key] = write.value
        }
        return rows
    }

    /// The region goes dark now: it takes no writes, and what it had not yet shipped is stranded
    /// (a write arriving exactly now has arrived).
    public func fail(_ region: String) {
        guard isUp(region) else { return }
        failedAt[region] = clock.now
        for index in log.indices where log[index].write.region == region {
            if let arrival = log[index].arrivesAt, arrival > clock.now { log[index].arrivesAt = nil }
        }
    }

    /// The region is back. It still believes what it believed, so only the epoch keeps it out.
    /// Its stranded writes that no failover declared lost ship again, arriving a lag from now.
    public func recover(_ region: String) {
        guard regions.contains(region), failedAt[region] != nil else { return }
        failedAt[region] = nil
        recoveredAt[region] = clock.now
        for index in log.indices where log[index].write.region == region && log[index].arrivesAt == nil {
            log[index].arrivesAt = inOrder(clock.now + replicationLag)
        }
    }

    /// Makes `target` the primary under the next epoch. Refused (nil) unless the target is an up
    /// region other than the primary and, when the primary is down, was already up when it failed.
    @discardableResult
    public func failover(to target: String) -> FailoverReport? {
        guard isUp(target), target != primary else { return nil }
        let report: FailoverReport
        if let failure = failedAt[primary] {
            if let back = recoveredAt[target], back > failure { return nil }
            let lost = log.filter { $0.write.region == primary && $0.arrivesAt == nil }.map(\.write)
            log.removeAll { $0.write.region == primary && $0.arrivesAt == nil }
            let rpo = lost.first.map { failure - $0.acknowledgedAt } ?? .zero
            report = FailoverReport(from: primary, to: target, epoch: epoch + 1, planned: false,
                                    startedAt: failure, lostWrites: lost, rpo: rpo)
        } else {
            report = FailoverReport(from: primary, to: target, epoch: epoch + 1, planned: true,
                                    startedAt: clock.now, lostWrites: [], rpo: .zero)
        }
        epoch += 1
        primary = target
        failovers.append(report)
        return report
    }

    /// Whether every write that is not lost has reached the primary.
    private var caughtUp: Bool {
        log.allSatisfy { entry in entry.arrivesAt.map { $0 <= clock.now } ?? false || entry.write.region == primary }
    }

    /// An arrival no earlier than any write already shipped: the stream keeps its order.
    private func inOrder(_ arrival: VirtualClock.Instant) -> VirtualClock.Instant {
        log.compactMap(\.arrivesAt).reduce(arrival, max)
    }
}
