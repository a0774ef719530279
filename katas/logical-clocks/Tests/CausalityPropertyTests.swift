import KataHarness
import LogicalClocksKata
import Testing

/// One event of a seeded run, with every clock's stamp and the model's causal past.
private struct Event {
    var lamport: Int
    var vector: VectorClock
    var hlc: HLCTimestamp
    var physical: Int64
    /// Indices of the events that happened before this one (Lamport's →), built directly from
    /// the run: a node's earlier events, and for a receive everything before its send.
    var past: Set<Int>
}

/// A seeded run of three nodes doing local events, sends and receives (delivered in random
/// order, some never), with physical clocks that drift, stand still and step backwards.
private struct Run {
    private(set) var events: [Event] = []
    private(set) var maximumPhysical: [Int64] = []       // the largest pt read so far, per event

    init(seed: UInt64, steps: Int = 60) {
        var random = SeededRandom(seed: seed)
        let names = ["n0", "n1", "n2"]
        var physical: [Int64] = (0..<3).map { _ in Int64.random(in: 1_000...1_050, using: &random) }
        var lamports = Array(repeating: LamportClock(), count: 3)
        var vectors = Array(repeating: VectorClock(), count: 3)
        var hlcs: [HybridLogicalClock] = []
        let readings = PhysicalReadings()
        for node in 0..<3 { hlcs.append(HybridLogicalClock(physicalTime: { readings.value[node] })) }
        var lastEvent: [Int?] = [nil, nil, nil]
        var inFlight: [(to: Int, sendEvent: Int)] = []
        var highest: Int64 = 0

        for _ in 0..<steps {
            let node = Int.random(in: 0..<3, using: &random)
            // Each node's clock moves by -5…+20 ms per step: mostly forward, sometimes back.
            for n in 0..<3 { physical[n] += Int64.random(in: -5...20, using: &random) }
            readings.value = physical
            highest = max(highest, physical[node])
            var past: Set<Int> = []
            if let previous = lastEvent[node] { past = events[previous].past.union([previous]) }

            let lamport: Int
            let hlc: HLCTimestamp
            let choice = Int.random(in: 0..<3, using: &random)
            if choice == 2, let index = inFlight.indices.filter({ inFlight[$0].to == node }).randomElement(using: &random) {
                let send = inFlight.remove(at: index).sendEvent
                let message = events[send]
                lamport = lamports[node].receive(message.lamport)
                vectors[node].receive(message.vector, at: names[node])
                hlc = hlcs[node].receive(message.hlc)
                past.formUnion(message.past.union([send]))
            } else {
                lamport = lamports[node].tick()
                vectors[node].tick(at: names[node])
                hlc = hlcs[node].tick()
            }
            events.append(Event(lamport: lamport, vector: vectors[node], hlc: hlc, physical: physical[node], past: past))
            maximumPhysical.append(highest)
            lastEvent[node] = events.count - 1
            if choice == 1 {                      // this event was a send: put a message in flight
                inFlight.append((to: (node + Int.random(in: 1..<3, using: &random)) % 3, sendEvent: events.count - 1))
            }
        }
    }
}

/// The physical time every node reads at the current step (a class so the clocks' closures see updates).
private final class PhysicalReadings {
    var value: [Int64] = [0, 0, 0]
}

private let seeds = UInt64(0)..<200

@Suite("Logical clocks: causality over seeded runs")
struct CausalityPropertyTests {
    @Test("Lamport clock condition: if e happened before f, L(e) < L(f)")
    func lamportClockCondition() {
        for seed in seeds {
            let run = Run(seed: seed)
            for (f, event) in run.events.enumerated() {
                for e in event.past where !(run.events[e].lamport < event.lamport) {
                    Issue.record("seed \(seed): event \(e) happened before event \(f) but was stamped \(run.events[e].lamport) against \(event.lamport). Replay: Run(seed: \(seed))")
                    return
                }
            }
        }
    }

    @Test("Vector clocks: e before f exactly when e happened before f, concurrent exactly when neither did")
    func vectorClocksCharacteriseCausality() {
        for seed in seeds {
            let run = Run(seed: seed)
            for f in run.events.indices {
                for e in run.events.indices where e != f {
                    let want: CausalOrder = run.events[f].past.contains(e) ? .before
                        : run.events[e].past.contains(f) ? .after : .concurrent
                    let got = run.events[e].vector.compare(run.events[f].vector)
                    if got != want {
                        Issue.record("seed \(seed): events \(e) \(run.events[e].vector.entries) and \(f) \(run.events[f].vector.entries) compared as \(got) instead of \(want). Replay: Run(seed: \(seed))")
                        return
                    }
                }
            }
        }
    }

    @Test("HLC: causality gives larger stamps, and l never falls below pt nor rises above any pt read")
    func hybridClockBounds() {
        for seed in seeds {
            let run = Run(seed: seed)
            for (f, event) in run.events.enumerated() {
                if event.hlc.l < event.physical {
                    Issue.record("seed \(seed): event \(f) was stamped \(event.hlc) although its node's physical time read \(event.physical): l must be at least pt. Replay: Run(seed: \(seed))")
                    return
                }
                if event.hlc.l > run.maximumPhysical[f] {
                    Issue.record("seed \(seed): event \(f) was stamped \(event.hlc), beyond the largest physical time read so far, \(run.maximumPhysical[f]). Replay: Run(seed: \(seed))")
                    return
                }
                for e in event.past where !(run.events[e].hlc < event.hlc) {
                    Issue.record("seed \(seed): event \(e) happened before event \(f) but was stamped \(run.events[e].hlc) against \(event.hlc). Replay: Run(seed: \(seed))")
                    return
                }
            }
        }
    }
}
