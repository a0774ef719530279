import GeodesKata
import KataHarness
import Testing

// Seeded histories: three clients in different places write and read a handful of keys while
// geodes fail and recover and link lags change. A failure names its seed; replay it with
// `SessionHistory(seed:)` and print its `steps`.
private let seeds = UInt64(0)..<250

/// Where a value was written: enough to rank it by last writer wins.
private struct Stamp {
    let acceptedAt: VirtualClock.Instant
    let version: Version
}

private struct SessionHistory {
    var steps: [String] = []
    var problems: [String] = []
    var servedReads = 0
    var stamps: [String: Stamp] = [:]                  // value → where it was written
    var accepted: [(key: String, value: String)] = []
    let deployment: GeodeDeployment
    let clock: VirtualClock

    init(seed: UInt64) {
        (deployment, clock) = makeDeployment(lag: .milliseconds(300))
        var random = SeededRandom(seed: seed)
        var clients = [parisClient(), virginiaClient(),
                       ClientSession(roundTrips: ["ap": .milliseconds(6), "us": .milliseconds(120), "eu": .milliseconds(230)])]
        var ownLast: [[String: String]] = [[:], [:], [:]]   // per client: key → its last written value
        let geodes = deployment.geodes
        for step in 0..<150 {
            clock.advance(by: .milliseconds(Int.random(in: 0...250, using: &random)))
            let client = Int.random(in: 0..<3, using: &random)
            let key = "k\(Int.random(in: 0..<4, using: &random))"
            switch Int.random(in: 0..<12, using: &random) {
            case 0:
                let geode = geodes.randomElement(using: &random)!
                deployment.fail(geode)
                steps.append("\(clock.now) fail \(geode)")
            case 1, 2:
                let geode = geodes.randomElement(using: &random)!
                deployment.recover(geode)
                steps.append("\(clock.now) recover \(geode)")
            case 3:
                let (from, to) = (geodes.randomElement(using: &random)!, geodes.randomElement(using: &random)!)
                deployment.setReplicationLag(.milliseconds(Int.random(in: 0...2000, using: &random)), from: from, to: to)
            case 4...7:
                let value = "c\(client)-\(step)"
                let result = deployment.write(key, value, session: &clients[client])
                steps.append("\(clock.now) client \(client) writes \(key)=\(value): \(result)")
                if case .accepted(let version) = result {
                    stamps[value] = Stamp(acceptedAt: clock.now, version: version)
                    accepted.append((key, value))
                    ownLast[client][key] = value
                }
            default:
                let result = deployment.read(key, session: clients[client])
                steps.append("\(clock.now) client \(client) reads \(key): \(result)")
                check(result, key: key, session: clients[client], ownLast: ownLast[client][key])
            }
        }
    }

    /// A read is served by the nearest healthy geode that has caught up, fails only when none has,
    /// and shows the client's own last write to the key or one that beats it.
    private mutating func check(_ result: ReadResult, key: String, session: ClientSession, ownLast: String?) {
        let reachable = deployment.geodes.filter { deployment.isHealthy($0) && session.roundTrips[$0] != nil }
            .sorted { session.roundTrips[$0]! < session.roundTrips[$1]! }
        let caughtUp = reachable.filter { deployment.hasCaughtUp($0, with: session.token) }
        switch result {
        case .unavailable:
            if !reachable.isEmpty { problems.append("\(clock.now): unavailable, though \(reachable) are healthy") }
        case .sessionNotAvailable:
            if !caughtUp.isEmpty || reachable.isEmpty { problems.append("\(clock.now): session not available, though \(caughtUp) have caught up (reachable \(reachable))") }
        case .value(let value, let server):
            servedReads += 1
            if server != caughtUp.first { problems.append("\(clock.now): \(server) served, but the nearest caught-up geode is \(String(describing: caughtUp.first))") }
            guard let own = ownLast else { return }
            guard let value, let seen = stamps[value], let mine = stamps[own] else {
                problems.append("\(clock.now): read \(key) = \(String(describing: value)), hiding the client's own \(own)")
                return
            }
            if rank(seen) < rank(mine) { problems.append("\(clock.now): read \(key) = \(value), older than the client's own \(own)") }
        }
    }

    func rank(_ stamp: Stamp) -> (Duration, Int, Int) {
        (stamp.acceptedAt.offset, deployment.geodes.firstIndex(of: stamp.version.geode)!, stamp.version.sequence)
    }
}

@Suite("Geodes: sessions over seeded histories")
struct SessionPropertyTests {
    @Test("Every read shows the client's own writes or newer, from the nearest caught-up geode, and the replicas converge")
    func readYourWritesAndConvergence() {
        var served = 0
        for seed in seeds {
            var history = SessionHistory(seed: seed)
            served += history.servedReads
            history.clock.advance(by: .seconds(3600))
            var winners: [String: String] = [:]          // key → the value last writer wins picks
            for (key, value) in history.accepted {
                if let current = winners[key], history.rank(history.stamps[current]!) > history.rank(history.stamps[value]!) { continue }
                winners[key] = value
            }
            for geode in history.deployment.geodes {
                for key in ["k0", "k1", "k2", "k3"] where history.deployment.value(of: key, at: geode) != winners[key] {
                    history.problems.append("after settling, \(geode) holds \(key) = \(String(describing: history.deployment.value(of: key, at: geode))), expected \(String(describing: winners[key]))")
                }
            }
            if !history.problems.isEmpty {
                Issue.record("seed \(seed): \(history.problems.prefix(3).joined(separator: "; ")). Replay with SessionHistory(seed: \(seed)) and print its steps")
                return
            }
        }
        #expect(served > 3_000, "the histories should serve thousands of reads, but served \(served)")
    }
}
