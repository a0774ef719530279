import LogicalClocksKata
import Testing

/// A physical clock that reads the values a test lists, one per event, then stays at the last.
private final class ScriptedPhysicalClock {
    private var readings: [Int64]
    private(set) var reads = 0

    init(_ readings: [Int64]) { self.readings = readings }

    func read() -> Int64 {
        reads += 1
        return readings.count > 1 ? readings.removeFirst() : readings[0]
    }
}

// Every expected stamp below is worked out by hand from the rules of Kulkarni et al. 2014, Fig. 5.
@Suite("Logical clocks: hybrid logical clock")
struct HybridLogicalClockTests {
    @Test("A local event takes the physical time when it is ahead, with c = 0")
    func localFollowsPhysicalTime() {
        let physical = ScriptedPhysicalClock([100, 250])
        var clock = HybridLogicalClock(physicalTime: physical.read)
        let first = clock.tick()
        let second = clock.tick()
        #expect(first == HLCTimestamp(l: 100, c: 0), "with pt = 100 the first event was \(first) instead of (100, 0)")
        #expect(second == HLCTimestamp(l: 250, c: 0), "with pt = 250 after (100, 0) the event was \(second) instead of (250, 0): c resets when l moves")
        #expect(physical.reads == 2, "two events read the physical clock \(physical.reads) times instead of once each")
    }

    @Test("A local event while physical time stands still or goes back keeps l and counts c up")
    func localCountsWhenPhysicalLags() {
        var clock = HybridLogicalClock(physicalTime: ScriptedPhysicalClock([100, 100, 90, 101]).read)
        let stamps = (0..<4).map { _ in clock.tick() }
        let want = [HLCTimestamp(l: 100, c: 0), HLCTimestamp(l: 100, c: 1), HLCTimestamp(l: 100, c: 2), HLCTimestamp(l: 101, c: 0)]
        #expect(stamps == want, "with pt = 100, 100, 90, 101 the events were \(stamps) instead of \(want)")
        #expect(clock.last == want[3], "last was \(clock.last) instead of \(want[3])")
    }

    @Test("Receive when the message's l is the largest: l = m.l, c = m.c + 1")
    func receiveFromAhead() {
        var clock = HybridLogicalClock(physicalTime: ScriptedPhysicalClock([100, 120]).read)
        _ = clock.tick()                                              // (100, 0)
        let stamp = clock.receive(HLCTimestamp(l: 150, c: 4))
        #expect(stamp == HLCTimestamp(l: 150, c: 5), "at (100, 0) with pt = 120, receiving (150, 4) gave \(stamp) instead of (150, 5)")
    }

    @Test("Receive when the local l is the largest: l stays, c = c + 1")
    func receiveFromBehind() {
        var clock = HybridLogicalClock(physicalTime: ScriptedPhysicalClock([200, 100, 100]).read)
        _ = clock.tick()                                              // (200, 0)
        _ = clock.tick()                                              // (200, 1)
        let stamp = clock.receive(HLCTimestamp(l: 150, c: 9))
        #expect(stamp == HLCTimestamp(l: 200, c: 2), "at (200, 1) with pt = 100, receiving (150, 9) gave \(stamp) instead of (200, 2): the message's c only counts when its l wins")
    }

    @Test("Receive when local l and the message's l tie above physical time: c = max(c, m.c) + 1")
    func receiveTie() {
        var clock = HybridLogicalClock(physicalTime: ScriptedPhysicalClock([200, 150, 150, 150]).read)
        _ = clock.tick()                                              // (200, 0)
        _ = clock.tick()                                              // (200, 1)
        let higher = clock.receive(HLCTimestamp(l: 200, c: 6))
        #expect(higher == HLCTimestamp(l: 200, c: 7), "at (200, 1) receiving (200, 6) gave \(higher) instead of (200, max(1, 6) + 1) = (200, 7)")
        let lower = clock.receive(HLCTimestamp(l: 200, c: 3))
        #expect(lower == HLCTimestamp(l: 200, c: 8), "at (200, 7) receiving (200, 3) gave \(lower) instead of (200, max(7, 3) + 1) = (200, 8)")
    }

    @Test("Receive when physical time is ahead of both: l = pt, c = 0")
    func receiveFromPast() {
        let physical = ScriptedPhysicalClock([100, 300])
        var clock = HybridLogicalClock(physicalTime: physical.read)
        _ = clock.tick()                                              // (100, 0)
        let stamp = clock.receive(HLCTimestamp(l: 200, c: 3))
        #expect(stamp == HLCTimestamp(l: 300, c: 0), "at (100, 0) with pt = 300, receiving (200, 3) gave \(stamp) instead of (300, 0)")
        #expect(physical.reads == 2, "a tick and a receive read the physical clock \(physical.reads) times instead of twice")
    }

    @Test("Receive when physical time ties with the message's l above local l: c = m.c + 1")
    func receiveTiesWithPhysical() {
        var clock = HybridLogicalClock(physicalTime: ScriptedPhysicalClock([100, 200]).read)
        _ = clock.tick()                                              // (100, 0)
        let stamp = clock.receive(HLCTimestamp(l: 200, c: 2))
        #expect(stamp == HLCTimestamp(l: 200, c: 3), "at (100, 0) with pt = 200, receiving (200, 2) gave \(stamp) instead of (200, 3)")
    }

    @Test("Receive when physical time ties with local l above the message: c = c + 1")
    func receiveLocalTiesWithPhysical() {
        var clock = HybridLogicalClock(physicalTime: ScriptedPhysicalClock([200, 200]).read)
        _ = clock.tick()                                              // (200, 0)
        let stamp = clock.receive(HLCTimestamp(l: 199, c: 5))
        #expect(stamp == HLCTimestamp(l: 200, c: 1), "at (200, 0) with pt = 200, receiving (199, 5) gave \(stamp) instead of (200, 1)")
    }

    @Test("Stamps compare by l first, then c")
    func ordering() {
        #expect(HLCTimestamp(l: 1, c: 9) < HLCTimestamp(l: 2, c: 0), "(1, 9) must sort before (2, 0)")
        #expect(HLCTimestamp(l: 2, c: 0) < HLCTimestamp(l: 2, c: 1), "(2, 0) must sort before (2, 1)")
        #expect(!(HLCTimestamp(l: 2, c: 1) < HLCTimestamp(l: 2, c: 1)), "a stamp is not before itself")
        var clock = HybridLogicalClock(physicalTime: ScriptedPhysicalClock([5]).read)
        #expect(clock.tick() == HLCTimestamp(l: 5, c: 0), "with pt = 5 the first event must be (5, 0)")
    }
}
