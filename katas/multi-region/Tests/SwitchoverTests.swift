import KataHarness
import MultiRegionKata
import Testing

@Suite("Multi-region: planned switchover and failback")
struct SwitchoverTests {
    @Test("A planned switchover fences the old primary at once, waits for writes in flight, and loses nothing")
    func plannedSwitchoverLosesNothing() {
        let (database, clock) = makeDatabase(lag: .seconds(2))
        for second in 0..<4 {
            clock.move(to: Double(second))
            _ = database.write("w\(second)", "\(second)", in: "a")
        }
        clock.move(to: 3.5)

        let report = database.failover(to: "b")

        let expected = FailoverReport(from: "a", to: "b", epoch: 2, planned: true, startedAt: at(3.5), lostWrites: [], rpo: .zero)
        #expect(report == expected, "expected \(expected), but got \(String(describing: report))")
        let late = database.write("late", "x", in: "a")
        #expect(late == .fenced(primary: "b", epoch: 2), "a was demoted at the switchover and must refuse at once, but answered \(late)")
        #expect(database.write("early", "x", in: "b") == .catchingUp, "w2 and w3 are still in flight to b, so b must not take writes yet")
        clock.move(to: 4.999)
        #expect(database.write("early", "x", in: "b") == .catchingUp, "w3 arrives at 5 s; at 4.999 s b is still catching up")
        #expect(database.failovers.last?.rto == nil, "refused writes do not end the recovery")
        clock.move(to: 5)
        #expect(database.write("b0", "x", in: "b") == .accepted, "at 5 s everything has arrived, so b accepts")
        #expect(database.failovers.last?.rto == .seconds(1.5), "from the switchover at 3.5 s to the first write at 5 s is 1.5 s, but the RTO is \(String(describing: database.failovers.last?.rto))")
        #expect(database.contents(of: "b") == ["w0": "0", "w1": "1", "w2": "2", "w3": "3", "b0": "x"],
                "b should have every write of a and its own, but has \(String(describing: database.contents(of: "b")))")
    }

    @Test("A switchover to a region that has everything accepts writes at once, with an RTO of zero")
    func caughtUpTargetAcceptsAtOnce() {
        let (database, clock) = makeDatabase(lag: .seconds(1))
        _ = database.write("k", "v", in: "a")
        clock.move(to: 1)
        database.failover(to: "c")

        #expect(database.write("k", "w", in: "c") == .accepted, "c already has every write, so it accepts at once")
        #expect(database.failovers.last?.rto == .zero, "the RTO of an instant switchover is zero, but it is \(String(describing: database.failovers.last?.rto))")
    }

    @Test("Failing back: the stale region is fenced until the switchover, then the region it replaced is")
    func failbackFencesBothWays() {
        let (database, clock) = makeDatabase(["a", "b"], lag: .seconds(1))
        _ = database.write("k", "a1", in: "a")
        clock.move(to: 0.5)
        database.fail("a")                                   // k=a1 is still in flight: lost
        database.failover(to: "b")
        _ = database.write("k", "b1", in: "b")
        clock.move(to: 2)
        database.recover("a")
        #expect(database.write("k", "stale", in: "a") == .fenced(primary: "b", epoch: 2), "a is back but b holds epoch 2")

        clock.move(to: 3)
        _ = database.write("k", "b2", in: "b")
        let failback = database.failover(to: "a")
        #expect(failback?.planned == true && failback?.epoch == 3 && failback?.lostWrites == [],
                "failing back while b is up is a planned switchover to epoch 3, but got \(String(describing: failback))")
        #expect(database.write("k", "b3", in: "b") == .fenced(primary: "a", epoch: 3), "b was demoted by the failback and must refuse")
        #expect(database.write("k", "a2", in: "a") == .catchingUp, "b2 is in flight to a until 4 s")
        clock.move(to: 4)
        #expect(database.write("k", "a2", in: "a") == .accepted, "at 4 s a has b2 and accepts")
        clock.move(to: 5)
        #expect(database.contents(of: "a") == ["k": "a2"] && database.contents(of: "b") == ["k": "a2"],
                "both regions end on a2, but a has \(String(describing: database.contents(of: "a"))), b \(String(describing: database.contents(of: "b")))")
        #expect(database.failovers.map(\.to) == ["b", "a"] && database.failovers.map(\.epoch) == [2, 3],
                "two failovers, to b under 2 and back to a under 3, but they are \(database.failovers)")
    }

    @Test("A new primary still catching up waits for the writes stranded in a demoted region that failed")
    func waitsForStrandedWritesOfDemotedRegion() {
        let (database, clock) = makeDatabase(["a", "b"], lag: .seconds(2))
        _ = database.write("k", "v", in: "a")
        clock.move(to: 1)
        database.failover(to: "b")
        database.fail("a")                                   // k had not reached b yet
        clock.move(to: 10)
        #expect(database.write("x", "1", in: "b") == .catchingUp, "k was acknowledged and is not lost: b must wait for it rather than accept")
        database.recover("a")
        clock.move(to: 11.999)
        #expect(database.write("x", "1", in: "b") == .catchingUp, "k ships again at 10 s and arrives at 12 s")
        clock.move(to: 12)
        #expect(database.write("x", "1", in: "b") == .accepted && database.contents(of: "b") == ["k": "v", "x": "1"],
                "at 12 s b has k and accepts, but it has \(String(describing: database.contents(of: "b")))")
    }
}
