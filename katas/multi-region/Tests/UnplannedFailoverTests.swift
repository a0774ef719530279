import KataHarness
import MultiRegionKata
import Testing

/// Writes w0…w4 to a, one a second from 0 s, with a lag of 2.5 s: they arrive at 2.5, 3.5, … 6.5 s.
private func writeFiveOneASecond(_ database: RegionalDatabase, _ clock: VirtualClock) -> [AcknowledgedWrite] {
    (0..<5).map { second in
        clock.move(to: Double(second))
        let outcome = database.write("w\(second)", "\(second)", in: "a")
        #expect(outcome == .accepted, "the primary a should accept w\(second), but answered \(outcome)")
        return AcknowledgedWrite(key: "w\(second)", value: "\(second)", region: "a", epoch: 1, acknowledgedAt: at(Double(second)))
    }
}

@Suite("Multi-region: unplanned failover, RPO and RTO")
struct UnplannedFailoverTests {
    @Test("A failover loses exactly the acknowledged writes still in flight when the primary failed, and reports them")
    func losesInFlightWrites() {
        let (database, clock) = makeDatabase(lag: .seconds(2.5))
        let writes = writeFiveOneASecond(database, clock)
        database.fail("a")                                   // at 4 s: w0 and w1 have arrived
        clock.move(to: 10)

        let report = database.failover(to: "b")

        let expected = FailoverReport(from: "a", to: "b", epoch: 2, planned: false, startedAt: at(4),
                                      lostWrites: Array(writes[2...]), rpo: .seconds(2))
        #expect(report == expected, "expected \(expected), but got \(String(describing: report))")
        #expect(database.failovers == [expected], "failovers should hold the one report, but are \(database.failovers)")
        #expect(database.primary == "b" && database.epoch == 2, "b should be primary under epoch 2, but \(database.primary) is, under \(database.epoch)")
        clock.move(to: 100)
        #expect(database.contents(of: "b") == ["w0": "0", "w1": "1"], "b keeps what arrived before the failure, no more, but has \(String(describing: database.contents(of: "b")))")
        #expect(database.contents(of: "c") == ["w0": "0", "w1": "1"], "c follows the same timeline, but has \(String(describing: database.contents(of: "c")))")
    }

    @Test("A write that arrives at the very instant of the failure survives; one a millisecond later is lost", arguments: [2.0, 1.999])
    func arrivalAtFailureSurvives(failureSecond: Double) {
        let (database, clock) = makeDatabase(lag: .seconds(2))
        _ = database.write("k", "v", in: "a")
        clock.move(to: failureSecond)
        database.fail("a")

        let report = database.failover(to: "b")

        if failureSecond == 2 {
            #expect(report?.lostWrites == [] && report?.rpo == .zero,
                    "k arrived at 2 s, the instant a failed, so nothing is lost and the RPO is zero, but the report is \(String(describing: report))")
            #expect(database.contents(of: "b") == ["k": "v"], "b should have k, but has \(String(describing: database.contents(of: "b")))")
        } else {
            #expect(report?.lostWrites.map(\.key) == ["k"] && report?.rpo == .seconds(1.999),
                    "a failed 1 ms before k arrived, so k is lost and the RPO is 1.999 s, but the report is \(String(describing: report))")
            #expect(database.contents(of: "b") == [:], "b never received k, but has \(String(describing: database.contents(of: "b")))")
        }
    }

    @Test("The RPO is the age of the oldest lost write at the failure, whatever the lag",
          arguments: [(1.5, 1.0, 2), (3.0, 2.0, 3), (3.5, 3.0, 4)])
    func rpoIsAgeOfOldestLostWrite(lag: Double, expectedRPO: Double, expectedLost: Int) {
        // Writes at 0, 1, 2, 3 s; a fails at 3 s. A write survives if it arrived by 3 s: with a lag
        // of 1.5 s w0 and w1 do; with 3 s only w0 (at the instant); with 3.5 s none.
        let (database, clock) = makeDatabase(lag: .seconds(lag))
        for second in 0..<4 {
            clock.move(to: Double(second))
            _ = database.write("w\(second)", "v", in: "a")
        }
        database.fail("a")

        let report = database.failover(to: "c")

        #expect(report?.lostWrites.count == expectedLost, "with a lag of \(lag) s, \(expectedLost) writes are lost, but the report lists \(String(describing: report?.lostWrites))")
        #expect(report?.rpo == .seconds(expectedRPO),
                "the oldest lost write is \(expectedRPO) s old at the failure, but the RPO is \(String(describing: report?.rpo))")
    }

    @Test("Nothing is lost, and the RPO is zero, when every write had arrived before the failure")
    func noLossNoRPO() {
        let (database, clock) = makeDatabase(lag: .seconds(1))
        _ = database.write("k", "v", in: "a")
        clock.move(to: 5)
        database.fail("a")

        let report = database.failover(to: "b")

        #expect(report?.lostWrites == [] && report?.rpo == .zero && report?.startedAt == at(5),
                "the write arrived at 1 s, long before the failure at 5 s, but the report is \(String(describing: report))")
    }

    @Test("The RTO runs from the failure to the first write the new primary accepts, and is not moved by later writes")
    func rtoRunsToFirstAcceptedWrite() {
        let (database, clock) = makeDatabase()
        _ = database.write("k", "v", in: "a")
        clock.move(to: 4)
        database.fail("a")
        clock.move(to: 10)
        database.failover(to: "b")
        #expect(database.failovers.last?.rto == nil, "b has accepted nothing yet, so the RTO is unknown, but it is \(String(describing: database.failovers.last?.rto))")

        clock.move(to: 12)
        #expect(database.write("x", "1", in: "c") == .fenced(primary: "b", epoch: 2), "c is a standby of b under epoch 2")
        #expect(database.failovers.last?.rto == nil, "a refused write is no recovery, but the RTO is \(String(describing: database.failovers.last?.rto))")
        #expect(database.write("x", "1", in: "b") == .accepted, "b should accept writes once promoted")
        #expect(database.failovers.last?.rto == .seconds(8), "the failure was at 4 s and b first accepted at 12 s, so the RTO is 8 s, but it is \(String(describing: database.failovers.last?.rto))")
        clock.move(to: 20)
        _ = database.write("y", "2", in: "b")
        #expect(database.failovers.last?.rto == .seconds(8), "a later write does not move the RTO, but it is \(String(describing: database.failovers.last?.rto))")
    }

    @Test("A failover is refused to the primary, to a stranger, to a region that is down, and to one that came back after the failure")
    func refusesUnfitTargets() {
        let (database, clock) = makeDatabase()
        clock.move(to: 1)
        database.fail("c")
        clock.move(to: 2)
        database.fail("a")
        #expect(database.failover(to: "a") == nil && database.failover(to: "z") == nil && database.failover(to: "c") == nil,
                "a is the failed primary, z is no region, c is down: none may be promoted")
        clock.move(to: 2.001)
        database.recover("c")
        #expect(database.failover(to: "c") == nil, "c came back 1 ms after a failed, so its copy is older than the failure: refuse it")
        #expect(database.primary == "a" && database.epoch == 1 && database.failovers.isEmpty,
                "refused failovers change nothing, but primary is \(database.primary) under \(database.epoch)")
        #expect(database.failover(to: "b") != nil, "b was up throughout and may be promoted")
    }

    @Test("A region that came back at the very instant of the failure may be promoted")
    func recoveredAtFailureInstantIsFit() {
        let (database, clock) = makeDatabase(["a", "b"])
        database.fail("b")
        clock.move(to: 2)
        database.recover("b")
        database.fail("a")

        let report = database.failover(to: "b")

        #expect(report?.to == "b" && database.primary == "b", "b was up at the failure instant, so it may be promoted, but the report is \(String(describing: report))")
    }

    @Test("A former primary that comes back is fenced, and the writes it lost never replicate into the new timeline")
    func stalePrimaryFenced() {
        let (database, clock) = makeDatabase(lag: .seconds(2.5))
        _ = writeFiveOneASecond(database, clock)
        database.fail("a")
        clock.move(to: 5)
        database.failover(to: "b")
        _ = database.write("b0", "x", in: "b")

        clock.move(to: 6)
        database.recover("a")
        let stale = database.write("w5", "5", in: "a")
        #expect(stale == .fenced(primary: "b", epoch: 2), "a came back believing it leads; it must be refused and told b holds epoch 2, but answered \(stale)")
        clock.move(to: 60)
        let timeline: [String: String] = ["w0": "0", "w1": "1", "b0": "x"]
        for region in ["a", "b", "c"] {
            #expect(database.contents(of: region) == timeline,
                    "\(region) should follow b's timeline without a's lost writes, but has \(String(describing: database.contents(of: region)))")
        }
    }

    @Test("A primary that returns before any failover ships its stranded writes one lag after its return, and only those")
    func strandedWritesShipOnReturn() {
        let (database, clock) = makeDatabase(lag: .seconds(0.5))
        _ = database.write("early", "e", in: "a")            // arrives at 0.5 s
        database.replicationLag = .seconds(2)
        _ = database.write("k", "v", in: "a")                // due at 2 s: stranded by the failure
        clock.move(to: 1)
        database.fail("a")
        clock.move(to: 6)
        database.replicationLag = .seconds(3)
        database.recover("a")

        #expect(database.primary == "a" && database.write("j", "w", in: "a") == .accepted, "a is still primary and takes writes again")
        clock.move(to: 8.999)
        #expect(database.contents(of: "b") == ["early": "e"],
                "early arrived before the failure and stays; k ships again at 6 s with the lag of 3 s, so at 8.999 s b should have only early, but has \(String(describing: database.contents(of: "b")))")
        clock.move(to: 9)
        #expect(database.contents(of: "b") == ["early": "e", "k": "v", "j": "w"], "at 9 s every write has arrived, but b has \(String(describing: database.contents(of: "b")))")
    }

    @Test("Each failover takes the next epoch, and the new primary's lost writes are reported under its own region and epoch")
    func chainOfFailovers() {
        let (database, clock) = makeDatabase(lag: .seconds(1))
        database.fail("a")
        database.failover(to: "b")
        clock.move(to: 1)
        _ = database.write("k", "b", in: "b")
        database.fail("b")
        clock.move(to: 3)

        let report = database.failover(to: "c")

        #expect(report?.epoch == 3 && database.epoch == 3 && report?.from == "b",
                "the second failover is from b and takes epoch 3, but the report is \(String(describing: report))")
        let lost = AcknowledgedWrite(key: "k", value: "b", region: "b", epoch: 2, acknowledgedAt: at(1))
        #expect(report?.lostWrites == [lost] && report?.rpo == .zero,
                "b's write at its failure instant is lost (RPO 0 s, one write), but the report is \(String(describing: report))")
        #expect(database.write("z", "1", in: "c") == .accepted, "c takes writes under epoch 3")
        #expect(database.failovers.map(\.epoch) == [2, 3], "epochs rise by one per failover, but are \(database.failovers.map(\.epoch))")
    }
}
