/// A consistent-hash ring with virtual nodes: servers that join and leave by name.
///
/// Each node is placed on a ring of 64-bit positions `virtualNodes` times, at
/// `stableHash("\(node)#\(v)")` for `v` in `0..<virtualNodes`. A key belongs to the first point
/// clockwise from `stableHash(key)`: the first point whose position is `>=` the key's, wrapping
/// past the top of the ring to the lowest point. Adding a node moves only the keys its points
/// take over; removing one moves only the keys it owned.
public struct HashRing: Sendable {
    /// One place of one node on the ring.
    private struct Point: Sendable {
        var position: UInt64
        var node: String
    }

    public let virtualNodes: Int
    /// Sorted by position (then by node name, so that a tie is broken the same everywhere).
    private var points: [Point] = []

    /// - Precondition: `virtualNodes > 0`.
    public init(nodes: [String] = [], virtualNodes: Int) {
        precondition(virtualNodes > 0, "a node needs at least one point on the ring")
        self.virtualNodes = virtualNodes
        for node in nodes { add(node) }
    }

    /// The nodes on the ring, sorted by name.
    public var members: [String] {
        Set(points.map(\.node)).sorted()
    }

    /// How many points the ring holds: `virtualNodes` per member.
    public var pointCount: Int { points.count }

    /// Places `node`'s virtual nodes on the ring. Adding a member again changes nothing.
    public mutating func add(_ node: String) {
        guard !points.contains(where: { $0.node == node }) else { return }
        for v in 0..<virtualNodes {
            points.append(Point(position: stableHash("\(node)#\(v)"), node: node))
        }
        points.sort { ($0.position, $0.node) < ($1.position, $1.node) }
    }

    /// Takes every point of `node` off the ring; its keys pass to the next points clockwise.
    public mutating func remove(_ node: String) {
        points.removeAll { $0.node == node }
    }

    /// The node that owns `key`, or nil on an empty ring.
    public func owner(of key: String) -> String? {
        owners(of: key, count: 1).first
    }

    /// The first `count` distinct nodes clockwise from `key`: its owner, then the replicas.
    /// Fewer when the ring has fewer members.
    public func owners(of key: String, count: Int) -> [String] {
        var result: [String] = []
        let start = firstPoint(atOrAfter: stableHash(key))
        // One lap at most: on a ring with fewer members than `count` the walk ends where it began.
        for step in 0..<points.count where result.count < count {
            let node = points[(start + step) % points.count].node
            if !result.contains(node) { result.append(node) }
        }
        return result
    }

    /// Binary search for the first point at or after `position`; `points.count` when none is.
    private func firstPoint(atOrAfter position: UInt64) -> Int {
        var low = 0
        var high = points.count
        while low < high {
            let middle = (low + high) / 2
            if points[middle].position < position {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }
}
