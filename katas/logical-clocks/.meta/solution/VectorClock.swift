/// How two vector-clock stamps relate.
public enum CausalOrder: Equatable, Sendable {
    case before, after, equal, concurrent
}

/// A vector clock (Fidge 1988, Mattern 1989): one counter per process, so that stamps show not
/// only order but also concurrency.
///
/// A missing entry counts as 0. `a` happened before `b` exactly when every entry of `a` is `<=`
/// the same entry of `b` and at least one is smaller; when each has an entry larger than the
/// other's, the two events are concurrent.
public struct VectorClock: Equatable, Sendable {
    /// Each process's counter; processes never heard of have no entry.
    public private(set) var entries: [String: Int]

    public init(_ entries: [String: Int] = [:]) {
        self.entries = entries.filter { $0.value != 0 }
    }

    /// A local or send event at `process`: its own entry goes up by one.
    public mutating func tick(at process: String) {
        entries[process, default: 0] += 1
    }

    /// A receive event at `process` of a message stamped `remote`: merge, then tick.
    public mutating func receive(_ remote: VectorClock, at process: String) {
        self = merged(with: remote)
        tick(at: process)
    }

    /// The entry-wise maximum: the least stamp that has seen both. No event, so no tick.
    public func merged(with other: VectorClock) -> VectorClock {
        VectorClock(entries.merging(other.entries) { mine, theirs in max(mine, theirs) })
    }

    public func compare(_ other: VectorClock) -> CausalOrder {
        var smaller = false
        var larger = false
        for process in Set(entries.keys).union(other.entries.keys) {
            let mine = entries[process, default: 0]
            let theirs = other.entries[process, default: 0]
            if mine < theirs { smaller = true }
            if mine > theirs { larger = true }
        }
        switch (smaller, larger) {
        case (false, false): return .equal
        case (true, false): return .before
        case (false, true): return .after
        case (true, true): return .concurrent
        }
    }

    public func happenedBefore(_ other: VectorClock) -> Bool {
        compare(other) == .before
    }

    public func isConcurrent(with other: VectorClock) -> Bool {
        compare(other) == .concurrent
    }
}
