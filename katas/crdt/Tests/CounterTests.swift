import CRDTKata
import Testing

@Suite("CRDT: G-Counter and PN-Counter")
struct CounterTests {
    @Test("A G-Counter's value is the sum of every replica's own increments")
    func gCounterSums() {
        var counter = GCounter()
        counter.increment(at: "a")
        counter.increment(by: 4, at: "b")
        counter.increment(by: 2, at: "a")
        #expect(counter.counts == ["a": 3, "b": 4], "after a+1, b+4, a+2 the slots were \(counter.counts) instead of [a: 3, b: 4]")
        #expect(counter.value == 7, "the value was \(counter.value) instead of 3 + 4 = 7")
    }

    @Test("Incrementing a G-Counter by zero leaves its state unchanged")
    func zeroIncrement() {
        var counter = GCounter()
        counter.increment(by: 2, at: "a")
        var same = counter
        same.increment(by: 0, at: "a")
        same.increment(by: 0, at: "b")
        #expect(same.counts == ["a": 2], "after a+2, a+0, b+0 the slots were \(same.counts) instead of [a: 2]: a zero slot makes equal histories unequal states")
    }

    @Test("Merging G-Counters takes the larger count per replica, so a repeated merge counts nothing twice")
    func gCounterMergeTakesMax() {
        var a = GCounter()
        a.increment(by: 3, at: "r1")
        var b = a                              // b has seen r1's first 3
        b.increment(by: 2, at: "r1")           // r1 moves on to 5 (b is r1's later state)
        a.increment(by: 4, at: "r2")
        let merged = a.merged(with: b)
        #expect(merged.counts == ["r1": 5, "r2": 4], "merging [r1: 3, r2: 4] with [r1: 5] gave \(merged.counts) instead of [r1: 5, r2: 4]: take the maximum per slot, never the sum")
        #expect(merged.value == 9, "the merged value was \(merged.value) instead of 9")
        var again = merged
        again.merge(b)
        again.merge(a)
        #expect(again.value == 9, "merging the same states again changed the value to \(again.value) from 9")
        #expect(b.merged(with: a).counts == ["r1": 5, "r2": 4], "merging in the other direction gave \(b.merged(with: a).counts)")
    }

    @Test("A PN-Counter goes down as well as up, below zero too")
    func pnCounterValue() {
        var counter = PNCounter()
        counter.increment(by: 5, at: "a")
        counter.decrement(by: 2, at: "b")
        counter.decrement(by: 7, at: "a")
        #expect(counter.value == -4, "after a+5, b−2, a−7 the value was \(counter.value) instead of −4")
        #expect(counter.increments.counts == ["a": 5], "the increments were \(counter.increments.counts) instead of [a: 5]")
        #expect(counter.decrements.counts == ["a": 7, "b": 2], "the decrements were \(counter.decrements.counts) instead of [a: 7, b: 2]")
    }

    @Test("Merging PN-Counters merges increments with increments and decrements with decrements")
    func pnCounterMerge() {
        var a = PNCounter()
        a.increment(by: 3, at: "a")
        var b = PNCounter()
        b.decrement(by: 5, at: "b")
        b.increment(by: 1, at: "b")
        let merged = a.merged(with: b)
        #expect(merged.value == -1, "merging a (+3) with b (+1, −5) gave \(merged.value) instead of −1")
        #expect(merged.increments.counts == ["a": 3, "b": 1], "merged increments were \(merged.increments.counts) instead of [a: 3, b: 1]")
        #expect(merged.decrements.counts == ["b": 5], "merged decrements were \(merged.decrements.counts) instead of [b: 5]")
        #expect(merged.merged(with: a).merged(with: b) == merged, "merging states already included changed the PN-Counter")
    }
}
