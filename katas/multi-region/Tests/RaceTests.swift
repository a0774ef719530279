import KataHarness
import MultiRegionKata
import Testing

// Seeded histories of clients that keep writing to every region (each acting on a stale view of
// who leads) while regions fail, come back, fail over and fail back, and the lag changes. A
// failure names its seed; replay it with `History(seed:)` and print `history.steps`.
private let seeds = UInt64(0)..<250

private struct History {
    let seed: UInt64
    var steps: [String] = []
    var accepted: [AcknowledgedWrite] = []
    var problems: [String] = []
    let database: RegionalDatabase
    let clock: VirtualClock

    init(seed: UInt64) {
        self.seed = seed
        (database, clock) = makeDatabase(lag: .milliseconds(800))
        var random = SeededRandom(seed: seed)
        let regions = database.regions
        for _ in 0..<120 {
            clock.advance(by: .milliseconds(Int.random(in: 0...400, using: &random)))
            let region = regions.randomElement(using: &random)!
            switch Int.random(in: 0..<20, using: &random) {
            case 0: database.fail(region); steps.append("\(clock.now) fail \(region)")
            case 1, 2: database.recover(region); steps.append("\(clock.now) recover \(region)")
            case 3: failOver(to: region, now: clock.now)
            case 4: database.replicationLag = .milliseconds(Int.random(in: 0...3000, using: &random))
            default: write(in: region, now: clock.now, random: &random)
            }
        }
    }

    private mutating func write(in region: String, now: VirtualClock.Instant, random: inout SeededRandom) {
        let key = "k\(Int.random(in: 0..<6, using: &random))"
        let value = "\(region)@\(now)"
        let leader = database.primary, epoch = database.epoch, up = database.isUp(region)
        let outcome = database.write(key, value, in: region)
        steps.append("\(now) write \(key) in \(region): \(outcome)")
        guard outcome == .accepted else { return }
        if region != leader || !up { problems.append("\(region) accepted a write at \(now) while \(leader) led (up: \(up))") }
        accepted.append(AcknowledgedWrite(key: key, value: value, region: region, epoch: epoch, acknowledgedAt: now))
        if let last = database.failovers.last, last.to == region,
           accepted.filter({ $0.epoch == last.epoch }).count == 1, last.rto != now - last.startedAt {
            problems.append("first write under epoch \(last.epoch) at \(now): RTO should be \(now - last.startedAt), is \(String(describing: last.rto))")
        }
    }

    private mutating func failOver(to region: String, now: VirtualClock.Instant) {
        let before = (primary: database.primary, epoch: database.epoch, count: database.failovers.count)
        guard let report = database.failover(to: region) else {
            steps.append("\(now) failover to \(region) refused")
            return
        }
        steps.append("\(now) failover to \(region): lost \(report.lostWrites.count), RPO \(report.rpo)")
        if report.epoch != before.epoch + 1 || database.epoch != report.epoch || report.from != before.primary || database.primary != region {
            problems.append("failover at \(now) from \(before.primary) under \(before.epoch) reported \(report)")
        }
        if database.failovers.count != before.count + 1 || database.failovers.last != report {
            problems.append("failover at \(now) is not the last of failovers")
        }
        for lost in report.lostWrites where !accepted.contains(lost) || lost.region != before.primary || lost.acknowledgedAt > report.startedAt {
            problems.append("failover at \(now) lists \(lost), which \(before.primary) did not acknowledge by \(report.startedAt)")
        }
        let expectedRPO = report.lostWrites.first.map { report.startedAt - $0.acknowledgedAt } ?? .zero
        if report.rpo != expectedRPO { problems.append("failover at \(now): RPO \(report.rpo), expected \(expectedRPO)") }
    }
}

@Suite("Multi-region: races over seeded histories")
struct RaceTests {
    @Test("Only the current primary ever accepts, and every acknowledged write that is not reported lost ends up in every region")
    func acknowledgedWritesSurviveUnlessReported() {
        var acceptedTotal = 0
        for seed in seeds {
            var history = History(seed: seed)
            let database = history.database
            let lost = database.failovers.flatMap(\.lostWrites)
            for region in database.regions { database.recover(region) }
            acceptedTotal += history.accepted.count
            var expected: [String: String] = [:]
            for write in history.accepted where !lost.contains(write) { expected[write.key] = write.value }
            history.problems += settleAndCompare(database, history.clock, expected: expected)
            if !history.problems.isEmpty {
                Issue.record("seed \(seed): \(history.problems.prefix(3).joined(separator: "; ")). Replay with History(seed: \(seed)) and print its steps")
                return
            }
        }
        #expect(acceptedTotal > 2_000, "the histories should accept thousands of writes, but accepted \(acceptedTotal)")
    }
}

/// Lets every shipment arrive (an hour of virtual time), compares each region with `expected`, and
/// proves the primary still serves.
private func settleAndCompare(_ database: RegionalDatabase, _ clock: VirtualClock, expected: [String: String]) -> [String] {
    clock.advance(by: .seconds(3600))
    var problems: [String] = []
    for region in database.regions where database.contents(of: region) != expected {
        problems.append("after settling, \(region) has \(String(describing: database.contents(of: region))), expected \(expected)")
    }
    if database.write("final", "x", in: database.primary) != .accepted {
        problems.append("after settling, the primary \(database.primary) refuses writes")
    }
    return problems
}
