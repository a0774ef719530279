import CRDTKata
import KataHarness

/// A seeded random history on three replicas: local updates interleaved with one-way state
/// merges in random directions, so that the replicas end with overlapping, concurrent states.
///
/// Beside the CRDTs it keeps an independent model: the log of every update, and for each replica
/// the set of updates it has seen (merging unions those sets). The model knows what each replica's
/// value must be without using the CRDT's merge rule.
struct History {
    enum Kind { case gCounter, pnCounter, orSet }

    enum Update {
        case increment(amount: Int)
        case decrement(amount: Int)
        case add(element: Int, tag: Tag)
        case remove(element: Int, observed: Set<Tag>)
    }

    static let replicas: [ReplicaID] = ["r0", "r1", "r2"]

    let seed: UInt64
    private(set) var gCounters = Array(repeating: GCounter(), count: 3)
    private(set) var pnCounters = Array(repeating: PNCounter(), count: 3)
    private(set) var sets = Array(repeating: ORSet<Int>(), count: 3)
    private(set) var log: [Update] = []
    private(set) var seen: [Set<Int>] = Array(repeating: [], count: 3)
    /// Tags that `add` returned differently from the model's `replica:(adds so far + 1)`.
    private(set) var tagMismatches: [String] = []

    init(seed: UInt64, kind: Kind, steps: Int = 40) {
        self.seed = seed
        var random = SeededRandom(seed: seed)
        var addsMade = [0, 0, 0]
        for _ in 0..<steps {
            let r = Int.random(in: 0..<3, using: &random)
            if Double.random(in: 0..<1, using: &random) < 0.35 {
                let s = (r + Int.random(in: 1..<3, using: &random)) % 3
                merge(from: s, into: r)
                continue
            }
            let amount = Int.random(in: 1...5, using: &random)
            let element = Int.random(in: 0..<5, using: &random)
            let goesDown = Bool.random(using: &random)
            switch kind {
            case .gCounter:
                gCounters[r].increment(by: amount, at: Self.replicas[r])
                record(.increment(amount: amount), at: r)
            case .pnCounter where goesDown:
                pnCounters[r].decrement(by: amount, at: Self.replicas[r])
                record(.decrement(amount: amount), at: r)
            case .pnCounter:
                pnCounters[r].increment(by: amount, at: Self.replicas[r])
                record(.increment(amount: amount), at: r)
            case .orSet where goesDown:
                let observed = modelTags(of: element, at: r)
                sets[r].remove(element)
                record(.remove(element: element, observed: observed), at: r)
            case .orSet:
                addsMade[r] += 1
                let expected = Tag(replica: Self.replicas[r], counter: addsMade[r])
                let tag = sets[r].add(element, at: Self.replicas[r])
                if tag != expected { tagMismatches.append("add at \(Self.replicas[r]) returned \(tag), expected \(expected)") }
                record(.add(element: element, tag: expected), at: r)
            }
        }
    }

    private mutating func merge(from s: Int, into r: Int) {
        gCounters[r].merge(gCounters[s])
        pnCounters[r].merge(pnCounters[s])
        sets[r].merge(sets[s])
        seen[r].formUnion(seen[s])
    }

    private mutating func record(_ update: Update, at r: Int) {
        log.append(update)
        seen[r].insert(log.count - 1)
    }

    /// The model's tags for `element` that replica `r` has seen added and not seen removed.
    private func modelTags(of element: Int, at r: Int) -> Set<Tag> {
        modelLiveTags(seen: seen[r]).filter { $0.value == element }.reduce(into: []) { $0.insert($1.key) }
    }

    private func modelLiveTags(seen updates: Set<Int>) -> [Tag: Int] {
        var added: [Tag: Int] = [:]
        var removed: Set<Tag> = []
        for index in updates {
            switch log[index] {
            case let .add(element, tag): added[tag] = element
            case let .remove(_, observed): removed.formUnion(observed)
            default: break
            }
        }
        return added.filter { !removed.contains($0.key) }
    }

    /// The counter value of a state that has seen exactly `updates`.
    func modelValue(seen updates: Set<Int>) -> Int {
        updates.reduce(0) { total, index in
            switch log[index] {
            case let .increment(amount): total + amount
            case let .decrement(amount): total - amount
            default: total
            }
        }
    }

    /// The OR-Set elements of a state that has seen exactly `updates`.
    func modelElements(seen updates: Set<Int>) -> Set<Int> {
        Set(modelLiveTags(seen: updates).values)
    }
}
