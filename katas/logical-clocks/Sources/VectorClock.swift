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
        // TODO(kata)
    }

    /// A receive event at `process` of a message stamped `remote`: merge, then tick.
    public mutating func receive(_ remote: VectorClock, at process: String) {
        // TODO(kata): merge, then tick.
    }

    /// The entry-wise maximum: the least stamp that has seen both. No event, so no tick.
    public func merged(with other: VectorClock) -> VectorClock {
        // TODO(kata): the entry-wise maximum.
        return self
    }

    public func compare(_ other: VectorClock) -> CausalOrder {
        // TODO(kata): over the processes in either clock (a missing entry is 0), note whether
        // any entry is smaller and whether any is larger; the pair decides the order.
        return .equal
    }

    public func happenedBefore(_ other: VectorClock) -> Bool {
        // TODO(kata)
        return false
    }

    public func isConcurrent(with other: VectorClock) -> Bool {
        // TODO(kata)
        return false
    }
}
