import LogicalClocksKata
import Testing

@Suite("Logical clocks: Lamport and vector clocks")
struct LamportAndVectorTests {
    @Test("A Lamport clock counts up by one on every local or send event")
    func lamportTick() {
        var clock = LamportClock()
        let stamps = [clock.tick(), clock.tick(), clock.tick()]
        #expect(stamps == [1, 2, 3], "three local events were stamped \(stamps) instead of [1, 2, 3]")
        #expect(clock.time == 3, "after three events the clock read \(clock.time) instead of 3")
    }

    @Test("A Lamport receive jumps past the larger of the local time and the message's stamp")
    func lamportReceive() {
        var clock = LamportClock()
        _ = clock.tick()
        _ = clock.tick()                                   // local time 2
        let fromFuture = clock.receive(7)
        #expect(fromFuture == 8, "at time 2, receiving a message stamped 7 gave \(fromFuture) instead of max(2, 7) + 1 = 8")
        let fromPast = clock.receive(3)
        #expect(fromPast == 9, "at time 8, receiving a message stamped 3 gave \(fromPast) instead of max(8, 3) + 1 = 9")
        let tie = clock.receive(9)
        #expect(tie == 10, "at time 9, receiving a message stamped 9 gave \(tie) instead of 10")
        #expect(clock.tick() == 11, "the next local event after a receive at 10 must be 11")
    }

    @Test("A vector clock ticks only its own process's entry")
    func vectorTick() {
        var clock = VectorClock()
        clock.tick(at: "a")
        clock.tick(at: "a")
        clock.tick(at: "b")
        #expect(clock.entries == ["a": 2, "b": 1], "after a, a, b the entries were \(clock.entries) instead of [a: 2, b: 1]")
        let withZero = VectorClock(["a": 2, "b": 1, "c": 0])
        #expect(withZero == clock, "VectorClock([a: 2, b: 1, c: 0]) had entries \(withZero.entries); a zero entry is not stored, so it must equal [a: 2, b: 1]")
    }

    @Test("A vector receive takes the entry-wise maximum, then ticks the receiver")
    func vectorReceive() {
        var clock = VectorClock(["a": 3, "b": 1])
        clock.receive(VectorClock(["a": 1, "b": 4, "c": 2]), at: "a")
        #expect(clock.entries == ["a": 4, "b": 4, "c": 2], "a at [a: 3, b: 1] receiving [a: 1, b: 4, c: 2] became \(clock.entries) instead of [a: 4, b: 4, c: 2]")
    }

    @Test("Merging vector clocks takes the entry-wise maximum and ticks nothing")
    func vectorMerge() {
        let x = VectorClock(["a": 3, "b": 1])
        let y = VectorClock(["b": 5, "c": 2])
        #expect(x.merged(with: y).entries == ["a": 3, "b": 5, "c": 2], "merging gave \(x.merged(with: y).entries) instead of [a: 3, b: 5, c: 2]")
        #expect(y.merged(with: x) == x.merged(with: y), "merging is not commutative: \(y.merged(with: x).entries)")
        #expect(x.merged(with: x) == x, "merging a clock with itself changed it to \(x.merged(with: x).entries)")
    }

    @Test("Compare: before, after, equal and concurrent, with missing entries counting as zero")
    func vectorCompare() {
        let cases: [([String: Int], [String: Int], CausalOrder)] = [
            (["a": 1], ["a": 2], .before),
            (["a": 1], ["a": 1, "b": 1], .before),            // b missing on the left counts as 0
            (["a": 2, "b": 1], ["a": 2], .after),
            (["a": 2, "b": 3], ["a": 2, "b": 3], .equal),
            ([:], [:], .equal),
            (["a": 2, "b": 1], ["a": 1, "b": 2], .concurrent),
            (["a": 1], ["b": 1], .concurrent),
        ]
        for (left, right, want) in cases {
            let got = VectorClock(left).compare(VectorClock(right))
            #expect(got == want, "\(left) compared with \(right) gave \(got) instead of \(want)")
        }
        let early = VectorClock(["a": 1, "b": 2])
        let late = VectorClock(["a": 2, "b": 2])
        let other = VectorClock(["a": 0, "b": 3])
        #expect(early.happenedBefore(late) && !late.happenedBefore(early), "[a: 1, b: 2] happened before [a: 2, b: 2], and not the other way round")
        #expect(!early.happenedBefore(early), "an event does not happen before itself")
        #expect(late.isConcurrent(with: other) && other.isConcurrent(with: late), "[a: 2, b: 2] and [b: 3] are concurrent both ways")
        #expect(!early.isConcurrent(with: late) && !early.isConcurrent(with: early), "ordered or equal stamps are not concurrent")
    }
}
