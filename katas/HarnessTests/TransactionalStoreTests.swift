import KataHarness
import Testing

private let accounts = Table<Int>("accounts")
private let notes = Table<String>("notes")

/// Moves `amount` from a to b in one transaction, the operation these tests crash.
private func transfer(_ amount: Int, in store: TransactionalStore) throws {
    try store.transaction { tx in
        tx.save(tx.row("a", in: accounts)! - amount, key: "a", in: accounts)
        tx.save(tx.row("b", in: accounts)! + amount, key: "b", in: accounts)
    }
}

private func storeWithAccounts(_ faults: FaultPlan = FaultPlan()) throws -> TransactionalStore {
    let store = TransactionalStore(faults: faults)
    try store.transaction { tx in
        try tx.insert(100, key: "a", into: accounts)
        try tx.insert(0, key: "b", into: accounts)
    }
    return store
}

@Suite("TransactionalStore")
struct TransactionalStoreTests {
    @Test("A transaction reads its own writes, and commits them all at once")
    func readsItsOwnWritesAndCommits() throws {
        let store = try storeWithAccounts()
        try store.transaction { tx in
            tx.save(70, key: "a", in: accounts)
            #expect(tx.row("a", in: accounts) == 70)
            #expect(store.row("a", in: accounts) == 100, "an open transaction's write leaked out")
            tx.delete("b", from: accounts)
            #expect(tx.row("b", in: accounts) == nil)
        }
        #expect(store.row("a", in: accounts) == 70)
        #expect(store.row("b", in: accounts) == nil)
        #expect(store.commitCount == 2)
    }

    @Test("A body that throws rolls every write back")
    func throwingRollsBack() throws {
        struct Refused: Error {}
        let store = try storeWithAccounts()
        #expect(throws: Refused.self) {
            try store.transaction { tx in
                tx.save(0, key: "a", in: accounts)
                try tx.insert("kept?", key: "n1", into: notes)
                throw Refused()
            }
        }
        #expect(store.row("a", in: accounts) == 100)
        #expect(store.rows(in: notes).isEmpty)
        #expect(store.commitCount == 1)
    }

    @Test("Duplicate keys are refused, and rows keep the order their keys were first inserted")
    func keysAndOrder() throws {
        let store = TransactionalStore()
        try store.transaction { tx in
            for key in ["z", "a", "m"] { try tx.insert(key.uppercased(), key: key, into: notes) }
            tx.save("A2", key: "a", in: notes)
        }
        #expect(store.rows(in: notes) == ["Z", "A2", "M"])
        #expect(throws: StoreError.duplicateKey(table: "notes", key: "m")) {
            try store.transaction { tx in try tx.insert("again", key: "m", into: notes) }
        }
        try store.transaction { tx in tx.delete("z", from: notes) }
        #expect(store.rows(in: notes) == ["A2", "M"])
    }

    @Test("An uncommitted transaction is invisible to another, and the first to commit wins")
    func isolationAndConflict() throws {
        let store = try storeWithAccounts()
        #expect(throws: StoreError.conflict) {
            try store.transaction { outer in
                outer.save(1, key: "a", in: accounts)
                try store.transaction { inner in
                    #expect(inner.row("a", in: accounts) == 100, "the inner transaction saw an uncommitted write")
                    inner.save(50, key: "a", in: accounts)
                }
                #expect(outer.row("a", in: accounts) == 1, "a commit changed an open transaction's snapshot")
            }
        }
        #expect(store.row("a", in: accounts) == 50)
        let read = try store.transaction { tx in
            try store.transaction { inner in inner.save(7, key: "b", in: accounts) }
            return tx.row("b", in: accounts)
        }
        #expect(read == 0, "a read-only transaction keeps its snapshot and commits")
    }

    @Test("A failure before the commit applies nothing; after it, the commit stands but the caller sees an error")
    func failures() throws {
        let faults = FaultPlan()
        let store = try storeWithAccounts(faults)
        // Steps 1 and 2 were the set-up's commit; each transfer then passes before and after.
        faults.inject(.fail, atStep: 3)
        faults.inject(.timeOut, atStep: 4)
        faults.inject(.fail, atStep: 6)
        faults.inject(.timeOut, atStep: 8)
        #expect(throws: StoreError.commitFailed) { try transfer(10, in: store) }
        #expect(throws: StoreError.outcomeUnknown) { try transfer(10, in: store) }
        #expect(store.row("a", in: accounts) == 100, "a transaction that failed before its commit was applied")
        #expect(throws: StoreError.outcomeUnknown) { try transfer(10, in: store) }
        #expect(throws: StoreError.outcomeUnknown) { try transfer(10, in: store) }
        #expect(store.row("a", in: accounts) == 80, "a transaction that failed after its commit was lost")
        let before = FaultPoint.Moment.beforeCommit, after = FaultPoint.Moment.afterCommit
        #expect(faults.passed.map(\.moment) == [before, after, before, before, before, after, before, after])
    }

    @Test("A crash before the commit loses the transaction, after it keeps it; a restarted process sees committed state")
    func crashes() throws {
        for (step, survives) in [(3, false), (4, true)] {
            let faults = FaultPlan()
            let store = try storeWithAccounts(faults)
            faults.inject(.crash, atStep: step)
            #expect(throws: SimulatedCrash.self) { try transfer(30, in: store) }
            #expect(faults.crashedAt?.step == step)
            #expect(throws: SimulatedCrash.self, "a crashed process went on writing") {
                try store.transaction { tx in tx.save(0, key: "b", in: accounts) }
            }
            faults.restart()
            #expect(store.row("a", in: accounts) == (survives ? 70 : 100), "crash at step \(step)")
            try transfer(5, in: store)
            #expect(store.rows(in: accounts) == (survives ? [65, 35] : [95, 5]), "after the restart at step \(step)")
        }
    }

    @Test("Replaying every crash point of an operation always leaves it applied wholly or not at all, the same way every run")
    func replayEveryCrashPoint() throws {
        let dryRun = FaultPlan()
        let probe = try storeWithAccounts(dryRun)
        let setUpSteps = dryRun.passed.count
        try transfer(10, in: probe)
        try transfer(20, in: probe)
        let points = dryRun.passed.dropFirst(setUpSteps)
        #expect(points.map(\.step) == [3, 4, 5, 6])

        func replay(_ point: FaultPoint) throws -> [Int] {
            let faults = FaultPlan()
            let store = try storeWithAccounts(faults)
            faults.inject(.crash, atStep: point.step)
            let crash = #expect(throws: SimulatedCrash.self) {
                try transfer(10, in: store)
                try transfer(20, in: store)
            }
            #expect(crash?.point == point)
            faults.restart()
            return store.rows(in: accounts)
        }
        let outcomes = try points.map(replay)
        #expect(outcomes == [[100, 0], [90, 10], [90, 10], [70, 30]])
        #expect(try points.map(replay) == outcomes, "the same plan gave another outcome")
        #expect(outcomes.allSatisfy { $0.reduce(0, +) == 100 }, "money appeared or vanished: \(outcomes)")
    }
}
