/// The name of a replica. Every replica that writes must have its own: the counters keep one slot
/// per name, and the OR-Set's tags are unique only while no two writers share a name.
public typealias ReplicaID = String

/// A grow-only counter (Shapiro et al. 2011): one non-decreasing count per replica.
///
/// A replica only ever raises its own slot. Merging takes the larger count slot by slot, which is
/// commutative, associative and idempotent, so replicas that have seen the same increments agree
/// on the value however often and in whatever order they exchanged states.
public struct GCounter: Equatable, Sendable {
    /// Each replica's own increments; a replica that never incremented has no entry.
    public private(set) var counts: [ReplicaID: Int] = [:]

    public init() {}

    /// The sum of every replica's slot.
    public var value: Int {
        // TODO(kata)
        return 0
    }

    /// Adds `amount` to `replica`'s own slot.
    /// - Precondition: `amount >= 0` (use a PN-Counter to go down).
    public mutating func increment(by amount: Int = 1, at replica: ReplicaID) {
        // TODO(kata): raise this replica's slot. Store no zero slots, so that equal histories
        // give equal states.
    }

    /// Takes, for every replica, the larger of the two counts.
    public mutating func merge(_ other: GCounter) {
        // TODO(kata)
    }

    public func merged(with other: GCounter) -> GCounter {
        var copy = self
        copy.merge(other)
        return copy
    }
}

/// A counter that goes up and down: two grow-only counters, one for increments and one for
/// decrements, and the value is their difference.
public struct PNCounter: Equatable, Sendable {
    public private(set) var increments = GCounter()
    public private(set) var decrements = GCounter()

    public init() {}

    public var value: Int {
        // TODO(kata)
        return 0
    }

    /// - Precondition: `amount >= 0`.
    public mutating func increment(by amount: Int = 1, at replica: ReplicaID) {
        // TODO(kata)
    }

    /// - Precondition: `amount >= 0`.
    public mutating func decrement(by amount: Int = 1, at replica: ReplicaID) {
        // TODO(kata)
    }

    /// Merges the increments with the increments and the decrements with the decrements.
    public mutating func merge(_ other: PNCounter) {
        // TODO(kata)
    }

    public func merged(with other: PNCounter) -> PNCounter {
        var copy = self
        copy.merge(other)
        return copy
    }
}
