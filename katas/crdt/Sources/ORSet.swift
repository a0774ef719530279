/// The identity of one `add`: the replica that made it and that replica's running count of adds.
///
/// Tags are unique only if every writer has its own replica id and always adds to a state that
/// contains all its earlier tags (its own state does). Two writers sharing an id would mint the
/// same tag for different adds, and removing one would remove the other.
public struct Tag: Hashable, Sendable, CustomStringConvertible {
    public var replica: ReplicaID
    public var counter: Int

    public init(replica: ReplicaID, counter: Int) {
        self.replica = replica
        self.counter = counter
    }

    public var description: String { "\(replica):\(counter)" }
}

/// An observed-remove set with add-wins semantics (Shapiro et al. 2011, "OR-Set").
///
/// Every `add` attaches a fresh unique tag to the element. `remove` tombstones the tags of that
/// element this replica has seen — and only those — so an add made concurrently elsewhere, whose
/// tag the remover never saw, survives the merge: add wins. An element is in the set while it has
/// a tag that is not tombstoned. Merging is the union of tags and tombstones, and the larger add
/// count per replica.
public struct ORSet<Element: Hashable & Sendable>: Equatable, Sendable {
    /// Every tag ever added, with its element (tombstoned ones included).
    public private(set) var added: [Tag: Element] = [:]
    /// The tags that some replica removed.
    public private(set) var tombstones: Set<Tag> = []
    /// The highest tag counter seen for each replica, so the next add gets a fresh one.
    public private(set) var addCounts: [ReplicaID: Int] = [:]

    public init() {}

    /// The elements with at least one live (not tombstoned) tag.
    public var elements: Set<Element> {
        // TODO(kata)
        return []
    }

    public func contains(_ element: Element) -> Bool {
        // TODO(kata)
        return false
    }

    /// Adds `element` under a new tag `replica:n`, n one more than the replica's last add here.
    @discardableResult
    public mutating func add(_ element: Element, at replica: ReplicaID) -> Tag {
        // TODO(kata): mint the next tag for this replica, remember it, and record the element.
        return Tag(replica: replica, counter: 0)
    }

    /// Tombstones the live tags of `element` that this state holds; concurrent adds elsewhere
    /// keep theirs. Removing an absent element changes nothing.
    public mutating func remove(_ element: Element) {
        // TODO(kata)
    }

    /// The union of both states: every tag, every tombstone, the larger add count per replica.
    public mutating func merge(_ other: ORSet) {
        // TODO(kata)
    }

    public func merged(with other: ORSet) -> ORSet {
        var copy = self
        copy.merge(other)
        return copy
    }
}
