import DeploymentStampsKata
import KataHarness
import Testing

// Seeded histories: four tenants on three stamps keep writing while random moves start, copy in
// random batches, drain and switch, interleaved at random. A held-off write is retried later. A
// failure names its seed; replay it with `MoveHistory(seed:)` and print its `steps`.
private let seeds = UInt64(0)..<250

private struct MoveHistory {
    var steps: [String] = []
    var problems: [String] = []
    var acknowledged: [String: [String: String]] = [:]       // tenant → key → last acknowledged value
    var retries: [(tenant: String, key: String, value: String)] = []
    var switches = 0
    let fleet = makeFleet()
    let tenants = ["acme", "globex", "initech", "hooli"]

    init(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        for (tenant, size) in zip(tenants, [30, 25, 20, 15]) { fleet.place(tenant, size: size) }
        for step in 0..<200 {
            let tenant = tenants.randomElement(using: &random)!
            switch Int.random(in: 0..<10, using: &random) {
            case 0:
                let destination = fleet.stamps.randomElement(using: &random)!.name
                let error = moveError { try fleet.startMove(tenant, to: destination) }
                steps.append("start \(tenant) → \(destination): \(String(describing: error))")
            case 1, 2:
                let batch = Int.random(in: 0...4, using: &random)
                let copied = fleet.copy(tenant, batch: batch)
                steps.append("copy \(tenant) \(batch): \(copied)")
            case 3:
                steps.append("drain \(tenant): \(String(describing: moveError { try fleet.drain(tenant) }))")
            case 4:
                let error = moveError { try fleet.switchOver(tenant) }
                if error == nil { switches += 1 }
                steps.append("switch \(tenant): \(String(describing: error))")
            default:
                write(tenant, "k\(Int.random(in: 0..<8, using: &random))", "v\(step)")
                if !retries.isEmpty, Bool.random(using: &random) {
                    let retry = retries.removeFirst()
                    write(retry.tenant, retry.key, retry.value)
                }
            }
            checkInvariants()
        }
        finishEveryMove()
    }

    private mutating func write(_ tenant: String, _ key: String, _ value: String) {
        let outcome = fleet.write(tenant, key, value)
        steps.append("write \(tenant) \(key)=\(value): \(outcome)")
        switch outcome {
        case .accepted(let stamp):
            acknowledged[tenant, default: [:]][key] = value
            if stamp != fleet.stamp(of: tenant) { problems.append("\(tenant)'s write landed on \(stamp), but the directory names \(String(describing: fleet.stamp(of: tenant)))") }
        case .retryLater:
            retries.append((tenant, key, value))
        case .unknownTenant:
            problems.append("\(tenant) is placed, but its write was refused as unknown")
        }
    }

    /// Reads always show the last acknowledged write; no stamp is over capacity; each tenant's rows
    /// live on its own stamp and, at most, the stamp it is moving to.
    private mutating func checkInvariants() {
        for tenant in tenants {
            for (key, value) in acknowledged[tenant, default: [:]] where fleet.read(tenant, key) != value {
                problems.append("\(tenant) reads \(key) = \(String(describing: fleet.read(tenant, key))), but \(value) was acknowledged")
            }
            let holders = fleet.stamps.map(\.name).filter { !fleet.rows(of: tenant, in: $0).isEmpty }
            if case .serving = fleet.phase(of: tenant), holders.contains(where: { $0 != fleet.stamp(of: tenant) }) {
                problems.append("\(tenant) serves from \(String(describing: fleet.stamp(of: tenant))) but rows remain on \(holders)")
            }
        }
        for stamp in fleet.stamps where (fleet.freeCapacity(of: stamp.name) ?? -1) < 0 {
            problems.append("\(stamp.name) is over capacity: \(String(describing: fleet.freeCapacity(of: stamp.name))) free")
        }
    }

    /// Drains, copies and switches every move still open, then retries every held-off write.
    private mutating func finishEveryMove() {
        for tenant in tenants where fleet.phase(of: tenant) != .serving {
            _ = moveError { try fleet.drain(tenant) }
            fleet.copy(tenant, batch: 1_000)
            if let error = moveError({ try fleet.switchOver(tenant) }) { problems.append("finishing \(tenant)'s move: \(error)") }
        }
        while !retries.isEmpty {
            let retry = retries.removeFirst()
            write(retry.tenant, retry.key, retry.value)
        }
        checkInvariants()
        for tenant in tenants {
            let home = fleet.stamp(of: tenant) ?? "none"
            if fleet.rows(of: tenant, in: home) != acknowledged[tenant, default: [:]] {
                problems.append("\(tenant)'s rows on \(home) are \(fleet.rows(of: tenant, in: home)), expected \(acknowledged[tenant, default: [:]])")
            }
        }
    }
}

@Suite("Deployment stamps: moves over seeded histories")
struct MovePropertyTests {
    @Test("However moves interleave with writes, no acknowledged write is lost and reads never go back")
    func noAcknowledgedWriteLost() {
        var switches = 0
        for seed in seeds {
            let history = MoveHistory(seed: seed)
            switches += history.switches
            if !history.problems.isEmpty {
                Issue.record("seed \(seed): \(history.problems.prefix(3).joined(separator: "; ")). Replay with MoveHistory(seed: \(seed)) and print its steps")
                return
            }
        }
        #expect(switches > 500, "the histories should complete hundreds of moves, but completed \(switches)")
    }
}
