import KataHarness
import ShardingKata
import Testing

// Expected owners: katas/sharding/derive-expected.py builds the same ring in Python from the given
// stableHash (points at stableHash("node#v"), a key owned by the first point >= its hash) and
// prints who owns what. The three-node, four-point ring, in position order, is
// beta beta alpha gamma gamma beta gamma beta alpha alpha alpha gamma.
private let userKeys = (1...8).map { "user-\($0)" }

private func sampleKeys(seed: UInt64, count: Int) -> [String] {
    var random = SeededRandom(seed: seed)
    return (0..<count).map { _ in "key-\(random.next())" }
}

private func owners(_ ring: HashRing, _ keys: [String]) -> [String: String] {
    var result: [String: String] = [:]
    for key in keys { result[key] = ring.owner(of: key) ?? "nobody" }
    return result
}

@Suite("Sharding: consistent-hash ring with virtual nodes")
struct HashRingTests {
    @Test("Each node takes virtualNodes points on the ring, and adding it again changes nothing")
    func pointsPerNode() {
        for virtualNodes in [1, 4, 7] {
            var ring = HashRing(nodes: ["gamma", "alpha", "beta"], virtualNodes: virtualNodes)
            #expect(ring.pointCount == 3 * virtualNodes, "3 nodes × \(virtualNodes) virtual nodes gave \(ring.pointCount) points")
            #expect(ring.members == ["alpha", "beta", "gamma"], "members were \(ring.members) instead of the three nodes sorted by name")
            ring.add("beta")
            #expect(ring.pointCount == 3 * virtualNodes, "adding beta a second time left \(ring.pointCount) points instead of \(3 * virtualNodes)")
        }
    }

    @Test("A key belongs to the first point clockwise from its hash")
    func ownerIsNextPoint() {
        let four = HashRing(nodes: ["alpha", "beta", "gamma"], virtualNodes: 4)
        let wantFour = ["alpha", "gamma", "gamma", "beta", "alpha", "beta", "beta", "beta"]
        let gotFour = userKeys.map { four.owner(of: $0) ?? "nobody" }
        #expect(gotFour == wantFour, "with 4 virtual nodes, \(userKeys) were owned by \(gotFour) instead of \(wantFour)")

        let one = HashRing(nodes: ["alpha", "beta", "gamma"], virtualNodes: 1)
        let wantOne = ["alpha", "gamma", "alpha", "beta", "gamma", "beta", "alpha", "beta"]
        let gotOne = userKeys.map { one.owner(of: $0) ?? "nobody" }
        #expect(gotOne == wantOne, "with 1 virtual node, \(userKeys) were owned by \(gotOne) instead of \(wantOne)")
    }

    @Test("A key that hashes exactly onto a point belongs to that point's node")
    func exactHitOwnsPoint() {
        let ring = HashRing(nodes: ["alpha", "beta", "gamma"], virtualNodes: 4)
        // "gamma#2" hashes to gamma's third point itself; the next point clockwise is beta's.
        #expect(ring.owner(of: "gamma#2") == "gamma", "a key at exactly gamma's point went to \(ring.owner(of: "gamma#2") ?? "nobody") instead of gamma: the search must stop at the first point >= the key, not >")
        #expect(ring.owner(of: "beta#3") == "beta", "a key at exactly beta's point went to \(ring.owner(of: "beta#3") ?? "nobody") instead of beta")
    }

    @Test("A key above the highest point wraps round to the lowest point")
    func wrapsAround() {
        let ring = HashRing(nodes: ["alpha", "beta", "gamma"], virtualNodes: 4)
        // stableHash("k65") = 0xfe7abddc9ddeda06 lies above gamma's top point 0xfdcb5f8fd4883672,
        // so it wraps to the lowest point, one of beta's.
        #expect(ring.owner(of: "k65") == "beta", "a key past the top of the ring went to \(ring.owner(of: "k65") ?? "nobody") instead of wrapping to the lowest point (beta)")
        #expect(ring.owners(of: "k65", count: 3) == ["beta", "alpha", "gamma"], "walking on from the wrap gave \(ring.owners(of: "k65", count: 3))")
    }

    @Test("owners(of:count:) walks clockwise and collects distinct nodes, at most every member")
    func replicas() {
        let ring = HashRing(nodes: ["alpha", "beta", "gamma"], virtualNodes: 4)
        let cases: [(String, Int, [String])] = [
            ("user-1", 3, ["alpha", "gamma", "beta"]),
            ("user-7", 3, ["beta", "gamma", "alpha"]),
            ("user-2", 2, ["gamma", "beta"]),
            ("user-4", 1, ["beta"]),
            ("user-5", 5, ["alpha", "gamma", "beta"]),
            ("user-5", 0, []),
        ]
        for (key, count, want) in cases {
            let got = ring.owners(of: key, count: count)
            #expect(got == want, "owners(of: \(key), count: \(count)) was \(got) instead of \(want)")
        }
        let single = HashRing(nodes: ["alpha", "beta", "gamma"], virtualNodes: 1)
        #expect(single.owners(of: "user-2", count: 2) == ["gamma", "alpha"], "with one point each, user-2's two owners were \(single.owners(of: "user-2", count: 2)) instead of [gamma, alpha]")
    }

    @Test("Removing a node moves only the keys it owned; removing every node empties the ring")
    func removal() {
        var ring = HashRing(nodes: (0..<8).map { "node-\($0)" }, virtualNodes: 50)
        let keys = sampleKeys(seed: 11, count: 3_000)
        let before = owners(ring, keys)
        ring.remove("node-3")
        let after = owners(ring, keys)
        #expect(ring.pointCount == 7 * 50, "after removing one of 8 nodes the ring held \(ring.pointCount) points instead of 350")
        #expect(!ring.members.contains("node-3"), "node-3 was still a member after its removal")
        let ownedByRemoved = keys.filter { before[$0] == "node-3" }
        #expect(ownedByRemoved.count > 100, "precondition: node-3 owned only \(ownedByRemoved.count) of 3000 keys")
        for key in keys {
            if before[key] == "node-3" {
                #expect(after[key] != "node-3" && after[key] != "nobody", "\(key) was owned by removed node-3 and is now owned by \(after[key] ?? "nobody")")
            } else {
                #expect(after[key] == before[key], "\(key) moved from \(before[key] ?? "?") to \(after[key] ?? "?") although its node stayed")
            }
        }
        for node in ring.members { ring.remove(node) }
        #expect(ring.owner(of: "user-1") == nil, "an empty ring gave user-1 the owner \(ring.owner(of: "user-1") ?? "")")
        #expect(ring.owners(of: "user-1", count: 2).isEmpty, "an empty ring gave user-1 the owners \(ring.owners(of: "user-1", count: 2))")
    }

    @Test("Adding a node moves about 1/(n + 1) of the keys, all to the new node")
    func additionMovesAFraction() {
        for seed in UInt64(0)..<10 {
            let n = 3 + Int(seed)
            var ring = HashRing(nodes: (0..<n).map { "node-\($0)" }, virtualNodes: 200)
            let keys = sampleKeys(seed: seed, count: 4_000)
            let before = owners(ring, keys)
            ring.add("node-new")
            let after = owners(ring, keys)
            var moved = 0
            for key in keys where before[key] != after[key] {
                moved += 1
                #expect(after[key] == "node-new", "seed \(seed): adding node-new moved \(key) from \(before[key] ?? "?") to \(after[key] ?? "?"); keys may only move to the new node")
            }
            let fraction = Double(moved) / Double(keys.count)
            let ideal = 1 / Double(n + 1)
            #expect(fraction > 0.6 * ideal && fraction < 1.4 * ideal, "seed \(seed): adding a node to \(n) moved \(fraction) of the keys instead of about \(ideal)")
        }
    }

    @Test("Virtual nodes even out the load that a single point per node leaves lopsided")
    func virtualNodesBalance() {
        let nodes = (0..<10).map { "node-\($0)" }
        let keys = sampleKeys(seed: 5, count: 20_000)
        func shares(_ virtualNodes: Int) -> [Double] {
            let ring = HashRing(nodes: nodes, virtualNodes: virtualNodes)
            var counts: [String: Int] = [:]
            for key in keys { counts[ring.owner(of: key) ?? "nobody", default: 0] += 1 }
            return nodes.map { Double(counts[$0] ?? 0) * Double(nodes.count) / Double(keys.count) }
        }
        let balanced = shares(200)
        #expect(balanced.allSatisfy { $0 > 0.75 && $0 < 1.25 }, "with 200 virtual nodes each node's load relative to a fair share was \(balanced); all should lie within 25 % of 1")
        let lopsided = shares(1)
        #expect((lopsided.max() ?? 0) > 1.5, "with one point per node the largest load was only \(lopsided.max() ?? 0) × fair: were virtual nodes placed although virtualNodes is 1?")
    }
}
