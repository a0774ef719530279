import DeploymentStampsKata
import Testing

/// acme (size 40) on s1 with keys a…e.
private func fleetWithAcme() -> StampFleet {
    let fleet = makeFleet()
    fleet.place("acme", size: 40)
    for key in ["a", "b", "c", "d", "e"] { _ = fleet.write("acme", key, "\(key)0") }
    return fleet
}

@Suite("Deployment stamps: moving a tenant")
struct MoveTests {
    @Test("A move is refused for an unknown tenant or stamp, to its own stamp, twice, or without room")
    func refusesBadMoves() {
        let fleet = fleetWithAcme()
        fleet.place("filler", size: 21)                        // s2 has the most room: 79 left
        #expect(moveError { try fleet.startMove("nobody", to: "s2") } == .unknownTenant, "nobody is not placed")
        #expect(moveError { try fleet.startMove("acme", to: "s9") } == .unknownStamp, "s9 does not exist")
        #expect(moveError { try fleet.startMove("acme", to: "s1") } == .alreadyThere, "acme already lives on s1")
        #expect(moveError { try fleet.startMove("filler", to: "s3") } == nil, "filler (21) fits s3 (60)")
        #expect(fleet.freeCapacity(of: "s3") == 39, "the move reserves 21 on s3, leaving 39, but s3 has \(String(describing: fleet.freeCapacity(of: "s3")))")
        #expect(moveError { try fleet.startMove("filler", to: "s1") } == .alreadyMoving, "filler is already on its way to s3")
        let refused = moveError { try fleet.startMove("acme", to: "s3") }
        #expect(refused == .notEnoughRoom(free: 39, needed: 40), "acme needs 40 and s3 has 39 free, but got \(String(describing: refused))")
        #expect(fleet.phase(of: "acme") == .serving && fleet.freeCapacity(of: "s3") == 39, "a refused move changes nothing")
    }

    @Test("A tenant exactly as large as the free room may move, and the room is held until the switch")
    func exactRoomAndReservation() throws {
        let fleet = fleetWithAcme()
        fleet.place("filler", size: 20)                        // s2: 80 free
        try fleet.startMove("filler", to: "s3")                // s3: 40 free
        try fleet.startMove("acme", to: "s3")                  // 40 fits 40 exactly
        #expect(fleet.freeCapacity(of: "s3") == 0 && fleet.freeCapacity(of: "s1") == 60,
                "while moving, acme's 40 is held on s3 and still used on s1")
        try fleet.drain("acme")
        fleet.copy("acme", batch: 10)
        try fleet.switchOver("acme")
        #expect(fleet.freeCapacity(of: "s1") == 100 && fleet.freeCapacity(of: "s3") == 0, "after the switch s1 is free again and s3 holds acme")
    }

    @Test("The copy runs in batches in key order, and a key written after it was copied is copied again")
    func copiesInBatchesAndTracksChanges() throws {
        let fleet = fleetWithAcme()
        try fleet.startMove("acme", to: "s2")
        #expect(fleet.phase(of: "acme") == .copying(pending: 5), "all five keys wait to be copied, but the phase is \(String(describing: fleet.phase(of: "acme")))")

        #expect(fleet.copy("acme", batch: 2) == 2, "a batch of 2 copies 2 keys")
        #expect(fleet.rows(of: "acme", in: "s2") == ["a": "a0", "b": "b0"], "the first batch is a and b, but s2 holds \(fleet.rows(of: "acme", in: "s2"))")
        #expect(fleet.write("acme", "a", "a1") == .accepted(stamp: "s1"), "during the copy the source still takes writes")
        #expect(fleet.write("acme", "f", "f0") == .accepted(stamp: "s1"), "a new key during the copy")
        #expect(fleet.read("acme", "a") == "a1", "reads still come from the source")
        #expect(fleet.phase(of: "acme") == .copying(pending: 5), "c, d, e, plus a (written again) and f (new) are pending, but the phase is \(String(describing: fleet.phase(of: "acme")))")

        #expect(fleet.copy("acme", batch: 3) == 3, "a batch of 3 copies 3")
        #expect(fleet.rows(of: "acme", in: "s2") == ["a": "a1", "b": "b0", "c": "c0", "d": "d0"], "the batch in key order is a, c, d, but s2 holds \(fleet.rows(of: "acme", in: "s2"))")
        #expect(fleet.copy("acme", batch: 0) == 0 && fleet.copy("acme", batch: -1) == 0, "a batch of 0, or less, copies nothing")
        #expect(fleet.copy("acme", batch: 10) == 2, "the rest are e and f")
        #expect(fleet.phase(of: "acme") == .copying(pending: 0), "everything is copied")
        #expect(fleet.copy("globex", batch: 5) == 0, "a tenant that is not moving copies nothing")
    }

    @Test("Draining holds off writes, the switch waits for drain and a complete copy, and then the destination serves")
    func drainThenSwitch() throws {
        let fleet = fleetWithAcme()
        try fleet.startMove("acme", to: "s2")
        fleet.copy("acme", batch: 5)
        #expect(moveError { try fleet.switchOver("acme") } == .notDraining, "switching before draining could race a write on the source")
        _ = fleet.write("acme", "b", "b1")
        try fleet.drain("acme")
        #expect(fleet.phase(of: "acme") == .draining(pending: 1), "b was written after its copy, so one key is pending")
        #expect(fleet.write("acme", "c", "c1") == .retryLater, "a draining tenant's writes are held off, not acknowledged")
        #expect(fleet.read("acme", "b") == "b1", "reads are still served during the drain")
        #expect(moveError { try fleet.switchOver("acme") } == .copyIncomplete(pending: 1), "b still needs copying")

        fleet.copy("acme", batch: 1)
        try fleet.switchOver("acme")

        #expect(fleet.stamp(of: "acme") == "s2" && fleet.phase(of: "acme") == .serving, "the directory points at s2 and acme serves again")
        #expect(fleet.rows(of: "acme", in: "s1") == [:], "the source forgets acme, but holds \(fleet.rows(of: "acme", in: "s1"))")
        #expect(fleet.write("acme", "c", "c1") == .accepted(stamp: "s2"), "the retried write lands on s2")
        #expect(fleet.rows(of: "acme", in: "s2") == ["a": "a0", "b": "b1", "c": "c1", "d": "d0", "e": "e0"],
                "s2 should hold every acknowledged write, but holds \(fleet.rows(of: "acme", in: "s2"))")
    }

    @Test("Drain and switch are refused for a tenant that is not moving, including one whose move has finished")
    func stepsNeedAMove() throws {
        let fleet = fleetWithAcme()
        #expect(fleet.phase(of: "acme") == .serving, "acme is placed and serving, but its phase is \(String(describing: fleet.phase(of: "acme")))")
        #expect(moveError { try fleet.drain("acme") } == .notMoving, "acme is not moving")
        #expect(moveError { try fleet.switchOver("acme") } == .notMoving, "acme is not moving")
        #expect(moveError { try fleet.drain("nobody") } == .notMoving, "nobody is not moving")

        try fleet.startMove("acme", to: "s2")
        try fleet.drain("acme")
        fleet.copy("acme", batch: 5)
        try fleet.switchOver("acme")
        #expect(moveError { try fleet.switchOver("acme") } == .notMoving, "the move is over, so a second switch is refused")
        #expect(moveError { try fleet.drain("acme") } == .notMoving, "the move is over, so there is nothing to drain")
        #expect(fleet.write("acme", "a", "a1") == .accepted(stamp: "s2"), "a finished move leaves the tenant writable on its new stamp")
    }

    @Test("Writes during every step of a move are all kept: before, during each copy batch, while draining (retried), after the switch")
    func writesDuringEveryStep() throws {
        let fleet = makeFleet()
        fleet.place("acme", size: 10)
        var acknowledged: [String: String] = [:]
        var retry: [(String, String)] = []
        func write(_ key: String, _ value: String) {
            switch fleet.write("acme", key, value) {
            case .accepted: acknowledged[key] = value
            case .retryLater: retry.append((key, value))
            case .unknownTenant: Issue.record("acme is placed, but its write of \(key) was refused as unknown")
            }
        }
        for index in 0..<20 { write("k\(index)", "v0") }               // before the move
        try fleet.startMove("acme", to: "s3")
        write("k0", "v1"); write("k19", "v1"); write("new1", "v1")        // after start, before any copy
        while case .copying(let pending) = fleet.phase(of: "acme"), pending > 0 {
            fleet.copy("acme", batch: 3)
            write("k0", "v\(pending)")                                    // a key copied long ago
            write("k\(pending % 20)", "v\(pending)")                      // copied or not, whichever
            if pending < 6 { break }
        }
        try fleet.drain("acme")
        write("k5", "held"); write("late", "held")                        // during the drain
        fleet.copy("acme", batch: 2)
        write("k6", "held")                                               // between drain batches
        fleet.copy("acme", batch: 100)
        try fleet.switchOver("acme")
        for (key, value) in retry { write(key, value) }                   // the client retries
        write("after", "v9")

        #expect(retry.count == 3, "three writes fell in the drain, but \(retry.count) were held off")
        #expect(fleet.rows(of: "acme", in: "s3") == acknowledged,
                "s3 should hold exactly the acknowledged writes; missing or wrong: \(acknowledged.filter { fleet.rows(of: "acme", in: "s3")[$0.key] != $0.value })")
        for (key, value) in acknowledged {
            #expect(fleet.read("acme", key) == value, "a read of \(key) should give the last acknowledged \(value), but gives \(String(describing: fleet.read("acme", key)))")
        }
    }
}
