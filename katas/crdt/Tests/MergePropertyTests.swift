import CRDTKata
import Testing

// Each property runs over 250 seeded histories (History.swift). A failure names its seed; replay
// it with `History(seed: <seed>, kind: ...)` in a test of your own and print the states.
private let seeds = UInt64(0)..<250

/// Checks the join-semilattice laws on three states of one history, and that each state and each
/// merge of two has the value the model predicts. Returns what went wrong, empty when nothing did.
private func semilatticeProblems<State: Equatable>(
    _ states: [State], merged: (State, State) -> State, value: (State) -> String, model: (Set<Int>) -> String,
    seen: [Set<Int>]
) -> [String] {
    var problems: [String] = []
    let (a, b, c) = (states[0], states[1], states[2])
    for i in 0..<3 where value(states[i]) != model(seen[i]) {
        problems.append("replica r\(i) read \(value(states[i])), but the updates it has seen give \(model(seen[i]))")
    }
    if value(merged(a, b)) != model(seen[0].union(seen[1])) {
        problems.append("r0 ⊔ r1 read \(value(merged(a, b))) instead of \(model(seen[0].union(seen[1])))")
    }
    if merged(a, b) != merged(b, a) { problems.append("not commutative: r0 ⊔ r1 ≠ r1 ⊔ r0") }
    if merged(merged(a, b), c) != merged(a, merged(b, c)) { problems.append("not associative: (r0 ⊔ r1) ⊔ r2 ≠ r0 ⊔ (r1 ⊔ r2)") }
    if merged(a, a) != a || merged(merged(a, b), b) != merged(a, b) { problems.append("not idempotent: merging a state already included changed it") }
    return problems
}

private func report(_ problems: [String], seed: UInt64, kind: String) -> Bool {
    guard !problems.isEmpty else { return true }
    Issue.record("\(kind), seed \(seed): \(problems.joined(separator: "; ")). Replay: History(seed: \(seed), kind: .\(kind))")
    return false
}

@Suite("CRDT: merge laws over seeded histories")
struct MergePropertyTests {
    @Test("G-Counter merge is commutative, associative and idempotent, and counts every increment once")
    func gCounterLaws() {
        for seed in seeds {
            let history = History(seed: seed, kind: .gCounter)
            let problems = semilatticeProblems(
                history.gCounters, merged: { $0.merged(with: $1) }, value: { "\($0.value)" },
                model: { "\(history.modelValue(seen: $0))" }, seen: history.seen)
            guard report(problems, seed: seed, kind: "gCounter") else { return }
        }
    }

    @Test("PN-Counter merge is commutative, associative and idempotent, and counts every update once")
    func pnCounterLaws() {
        for seed in seeds {
            let history = History(seed: seed, kind: .pnCounter)
            let problems = semilatticeProblems(
                history.pnCounters, merged: { $0.merged(with: $1) }, value: { "\($0.value)" },
                model: { "\(history.modelValue(seen: $0))" }, seen: history.seen)
            guard report(problems, seed: seed, kind: "pnCounter") else { return }
        }
    }

    @Test("OR-Set merge is commutative, associative and idempotent, and keeps exactly the unremoved adds")
    func orSetLaws() {
        for seed in seeds {
            let history = History(seed: seed, kind: .orSet)
            var problems = semilatticeProblems(
                history.sets, merged: { $0.merged(with: $1) }, value: { "\($0.elements.sorted())" },
                model: { "\(history.modelElements(seen: $0).sorted())" }, seen: history.seen)
            problems += history.tagMismatches
            guard report(problems, seed: seed, kind: "orSet") else { return }
        }
    }

    @Test("Replicas that have exchanged every state converge on the value of all updates")
    func convergence() {
        for seed in seeds {
            for kind in [History.Kind.gCounter, .pnCounter, .orSet] {
                let history = History(seed: seed, kind: kind)
                let all = Set(history.log.indices)
                var problems: [String] = []
                // Gossip in a fixed ring order, twice round, so every state reaches every replica.
                var g = history.gCounters, p = history.pnCounters, s = history.sets
                for step in 0..<6 {
                    let (from, into) = (step % 3, (step + 1) % 3)
                    g[into].merge(g[from]); p[into].merge(p[from]); s[into].merge(s[from])
                }
                switch kind {
                case .gCounter:
                    if Set(g.map(\.value)) != [history.modelValue(seen: all)] || g[0] != g[1] || g[1] != g[2] {
                        problems.append("G-Counters read \(g.map(\.value)) instead of all \(history.modelValue(seen: all))")
                    }
                case .pnCounter:
                    if Set(p.map(\.value)) != [history.modelValue(seen: all)] || p[0] != p[1] || p[1] != p[2] {
                        problems.append("PN-Counters read \(p.map(\.value)) instead of all \(history.modelValue(seen: all))")
                    }
                case .orSet:
                    let want = history.modelElements(seen: all)
                    if s.contains(where: { $0.elements != want }) || s[0] != s[1] || s[1] != s[2] {
                        problems.append("OR-Sets held \(s.map { $0.elements.sorted() }) instead of all \(want.sorted())")
                    }
                }
                guard report(problems, seed: seed, kind: "\(kind)") else { return }
            }
        }
    }
}
