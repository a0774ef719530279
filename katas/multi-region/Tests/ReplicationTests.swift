import KataHarness
import MultiRegionKata
import Testing

@Suite("Multi-region: asynchronous replication")
struct ReplicationTests {
    @Test("The first region is primary under epoch 1; it accepts writes and the standbys are fenced to it")
    func primaryAcceptsStandbysRefuse() {
        let (database, _) = makeDatabase()
        #expect(database.primary == "a" && database.epoch == 1,
                "a should start as primary under epoch 1, but \(database.primary) is, under \(database.epoch)")

        #expect(database.write("k", "1", in: "a") == .accepted, "the primary should accept a write")
        #expect(database.contents(of: "a") == ["k": "1"], "the primary shows its own write at once, but it has \(String(describing: database.contents(of: "a")))")
        let refused = database.write("k", "2", in: "b")
        #expect(refused == .fenced(primary: "a", epoch: 1), "a standby must refuse a write and name a under epoch 1, but answered \(refused)")
        #expect(database.write("k", "3", in: "z") == .unavailable, "a region that does not exist is unavailable")
        #expect(database.contents(of: "b") == [:], "the write has not reached b yet, but b has \(String(describing: database.contents(of: "b")))")
        #expect(database.failovers.isEmpty, "nothing has failed over, but failovers are \(database.failovers)")
    }

    @Test("A write reaches every standby exactly one replication lag after it was acknowledged", arguments: [1.0, 3.5])
    func arrivesAfterLag(lag: Double) {
        let (database, clock) = makeDatabase(lag: .seconds(lag))
        clock.move(to: 2)
        _ = database.write("k", "v", in: "a")

        clock.move(to: 2 + lag - 0.001)
        #expect(database.contents(of: "b") == [:] && database.contents(of: "c") == [:],
                "1 ms before the lag of \(lag) s has passed the write must not have arrived, but b has \(String(describing: database.contents(of: "b")))")
        clock.move(to: 2 + lag)
        #expect(database.contents(of: "b") == ["k": "v"] && database.contents(of: "c") == ["k": "v"],
                "\(lag) s after the acknowledgement both standbys should have k=v, but b has \(String(describing: database.contents(of: "b"))), c \(String(describing: database.contents(of: "c")))")
    }

    @Test("By default a write reaches the standbys one second after it was acknowledged")
    func defaultLagIsOneSecond() {
        let clock = VirtualClock()
        let database = RegionalDatabase(regions: ["a", "b"], clock: clock)
        _ = database.write("k", "v", in: "a")

        clock.move(to: 0.999)
        #expect(database.contents(of: "b") == [:], "the default lag is 1 s, so at 0.999 s b has nothing, but has \(String(describing: database.contents(of: "b")))")
        clock.move(to: 1)
        #expect(database.contents(of: "b") == ["k": "v"], "at 1 s the write has arrived, but b has \(String(describing: database.contents(of: "b")))")
    }

    @Test("The replication stream keeps its order when the lag shrinks")
    func streamKeepsOrder() {
        let (database, clock) = makeDatabase(lag: .seconds(5))
        _ = database.write("k", "old", in: "a")
        database.replicationLag = .seconds(1)
        clock.move(to: 1)
        _ = database.write("k", "new", in: "a")
        _ = database.write("other", "x", in: "a")

        clock.move(to: 2)
        #expect(database.contents(of: "b") == [:],
                "the second write may not overtake the first, which arrives at 5 s; at 2 s b has \(String(describing: database.contents(of: "b")))")
        clock.move(to: 4.999)
        #expect(database.contents(of: "b") == [:], "nothing has arrived before 5 s, but b has \(String(describing: database.contents(of: "b")))")
        clock.move(to: 5)
        #expect(database.contents(of: "b") == ["k": "new", "other": "x"],
                "at 5 s the whole stream has arrived in order, so k is new, but b has \(String(describing: database.contents(of: "b")))")
    }

    @Test("A write keeps the lag it was shipped with when the lag later grows")
    func lagReadAtAcknowledgement() {
        let (database, clock) = makeDatabase(lag: .seconds(1))
        _ = database.write("k", "v", in: "a")
        database.replicationLag = .seconds(10)

        clock.move(to: 1)
        #expect(database.contents(of: "b") == ["k": "v"], "the write was shipped with a lag of 1 s, so it arrives at 1 s, but b has \(String(describing: database.contents(of: "b")))")
        _ = database.write("k", "w", in: "a")
        clock.move(to: 10.999)
        #expect(database.contents(of: "b") == ["k": "v"], "the second write was shipped with 10 s, so at 10.999 s b still has v, but has \(String(describing: database.contents(of: "b")))")
        clock.move(to: 11)
        #expect(database.contents(of: "b") == ["k": "w"], "at 11 s the second write arrives, but b has \(String(describing: database.contents(of: "b")))")
    }

    @Test("A region that is down neither takes writes nor serves reads, and serves again when it is back")
    func downRegionIsDark() {
        let (database, clock) = makeDatabase()
        _ = database.write("k", "v", in: "a")
        clock.move(to: 1)
        database.fail("b")
        #expect(!database.isUp("b") && database.isUp("a"), "b failed and a did not")
        #expect(database.contents(of: "b") == nil, "a region that is down serves nothing, but b served \(String(describing: database.contents(of: "b")))")
        #expect(database.write("x", "1", in: "b") == .unavailable, "a write to a region that is down is unavailable")

        _ = database.write("j", "w", in: "a")
        clock.move(to: 3)
        database.recover("b")
        #expect(database.isUp("b"), "b is back")
        #expect(database.contents(of: "b") == ["k": "v", "j": "w"], "b catches up on its return, but has \(String(describing: database.contents(of: "b")))")
        #expect(database.primary == "a" && database.epoch == 1, "a standby's outage changes no primary")
    }
}
