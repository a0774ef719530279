import KataHarness
import ShardingKata
import Testing

// Expected outputs: katas/sharding/derive-expected.py, a Python transcription of the C++ function
// printed in Lamping & Veach (2014), run once; its output is pasted here.
private let keys: [UInt64] = [0, 1, 2, 42, 0xDEAD_BEEF, .max, 1 << 63, 123_456_789]

private func buckets(_ count: Int32) -> [Int32] {
    keys.map { jumpConsistentHash($0, buckets: count) }
}

@Suite("Sharding: jump consistent hash")
struct JumpHashTests {
    @Test("Jump hash gives the paper's outputs for 10, 100 and 1000 buckets")
    func publishedOutputs() {
        let expected: [Int32: [Int32]] = [
            10: [0, 6, 6, 2, 5, 9, 5, 7],
            100: [0, 55, 62, 43, 87, 92, 84, 34],
            1000: [0, 549, 338, 571, 285, 313, 453, 294],
        ]
        for (count, want) in expected.sorted(by: { $0.key < $1.key }) {
            let got = buckets(count)
            #expect(got == want, "with \(count) buckets the keys \(keys) went to \(got) instead of \(want): check the LCG constant, the >> 33 and the Double arithmetic")
        }
    }

    @Test("Jump hash with one and two buckets: everything in 0, then about half moved to 1")
    func smallBucketCounts() {
        #expect(buckets(1) == Array(repeating: 0, count: keys.count), "with 1 bucket every key must go to bucket 0, got \(buckets(1))")
        let want: [Int32] = [0, 0, 0, 1, 1, 1, 1, 0]
        #expect(buckets(2) == want, "with 2 buckets the keys \(keys) went to \(buckets(2)) instead of \(want)")
    }

    @Test("Jump hash on a million buckets still matches the paper's algorithm")
    func millionBuckets() {
        let want: [Int32] = [0, 985_611, 152_951, 153_897, 479_362, 589_430, 802_256, 561_473]
        #expect(buckets(1 << 20) == want, "with 2^20 buckets the keys went to \(buckets(1 << 20)) instead of \(want)")
    }

    @Test("Growing from n to n + 1 buckets moves about 1/(n + 1) of the keys, all into the new bucket")
    func minimalMovement() {
        let keysPerSeed = 4_000
        for seed in UInt64(0)..<25 {
            var random = SeededRandom(seed: seed)
            let n = Int32.random(in: 1...60, using: &random)
            var moved = 0
            for _ in 0..<keysPerSeed {
                let key = random.next()
                let before = jumpConsistentHash(key, buckets: n)
                let after = jumpConsistentHash(key, buckets: n + 1)
                #expect((0..<n).contains(before), "seed \(seed): key \(key) went to bucket \(before), outside 0..<\(n)")
                guard before != after else { continue }
                moved += 1
                #expect(after == n, "seed \(seed): growing to \(n + 1) buckets moved key \(key) from \(before) to \(after); a key may only move into the new bucket \(n)")
            }
            // Binomial: the standard deviation is sqrt(p(1-p)/N); allow five of them.
            let fraction = Double(moved) / Double(keysPerSeed)
            let ideal = 1 / Double(n + 1)
            let tolerance = 5 * (ideal * (1 - ideal) / Double(keysPerSeed)).squareRoot()
            #expect(abs(fraction - ideal) < tolerance, "seed \(seed): growing from \(n) to \(n + 1) buckets moved \(fraction) of the keys instead of about \(ideal) ± \(tolerance)")
        }
    }
}
