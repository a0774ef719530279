/// A consistent-hash ring with virtual nodes: servers that join and leave by name.
///
/// Each node is placed on a ring of 64-bit positions `virtualNodes` times, at
/// `stableHash("\(node)#\(v)")` for `v` in `0..<virtualNodes`. A key belongs to the first point
/// clockwise from `stableHash(key)`: the first point whose position is `>=` the key's, wrapping
/// past the top of the ring to the lowest point. Adding a node moves only the keys its points
/// take over; removing one moves only the keys it owned.
public struct HashRing: Sendable {
    public let virtualNodes: Int
    // TODO(kata): store the points (position, node), kept sorted by position.

    /// - Precondition: `virtualNodes > 0`.
    public init(nodes: [String] = [], virtualNodes: Int) {
        self.virtualNodes = virtualNodes
        for node in nodes { add(node) }
    }

    /// The nodes on the ring, sorted by name.
    public var members: [String] {
        // TODO(kata): the distinct nodes of the points, sorted.
        return []
    }

    /// How many points the ring holds: `virtualNodes` per member.
    public var pointCount: Int {
        // TODO(kata)
        return 0
    }

    /// Places `node`'s virtual nodes on the ring. Adding a member again changes nothing.
    public mutating func add(_ node: String) {
        // TODO(kata): one point per virtual node at stableHash("\(node)#\(v)"), then keep sorted.
    }

    /// Takes every point of `node` off the ring; its keys pass to the next points clockwise.
    public mutating func remove(_ node: String) {
        // TODO(kata)
    }

    /// The node that owns `key`, or nil on an empty ring.
    public func owner(of key: String) -> String? {
        // TODO(kata): the first of owners(of:count: 1).
        return nil
    }

    /// The first `count` distinct nodes clockwise from `key`: its owner, then the replicas.
    /// Fewer when the ring has fewer members.
    public func owners(of key: String, count: Int) -> [String] {
        // TODO(kata): find the first point at or after stableHash(key) (binary search), then walk
        // clockwise, wrapping at the end, collecting distinct nodes.
        return []
    }
}
