import KataHarness
import Testing

private let charges = Table<Int>("charges")

/// A payment provider that charges the amount it is sent and answers with a receipt.
private func paymentProvider(_ faults: FaultPlan, clock: VirtualClock = VirtualClock()) -> ExternalSystem<Int, String> {
    ExternalSystem(name: "payments", faults: faults, clock: clock, latency: .milliseconds(20), timeout: .seconds(2)) {
        "receipt for \($0)"
    }
}

@Suite("ExternalSystem and FaultPlan")
struct ExternalSystemTests {
    @Test("A call without a fault acts, takes its latency and replies; every call is recorded")
    func succeeds() throws {
        let clock = VirtualClock()
        let payments = paymentProvider(FaultPlan(), clock: clock)
        #expect(try payments.call(5) == "receipt for 5")
        #expect(try payments.call(7) == "receipt for 7")
        #expect(clock.now.offset == .milliseconds(40))
        #expect(payments.effects == [5, 7])
        #expect(payments.calls.map(\.outcome) == [.replied, .replied])
        #expect(payments.calls.map(\.startedAt.offset) == [.zero, .milliseconds(20)])
    }

    @Test("Each fault at each point: whether the system acted, what the caller sees, how long it waited")
    func everyFaultAtEveryPoint() {
        let cases: [(FaultPlan.Fault, FaultPoint.Moment, acted: Bool, error: InjectedFault?, waited: Duration)] = [
            (.fail, .beforeEffect, false, .connectionRefused, .zero),
            (.fail, .afterEffect, true, .serverError(code: 500), .zero),
            (.timeOut, .beforeEffect, false, .timedOut, .seconds(2)),
            (.timeOut, .afterEffect, true, .timedOut, .seconds(2)),
            (.crash, .beforeEffect, false, nil, .zero),
            (.crash, .afterEffect, true, nil, .zero),
        ]
        for (fault, moment, acted, error, waited) in cases {
            let faults = FaultPlan()
            let clock = VirtualClock()
            let payments = paymentProvider(faults, clock: clock)
            faults.inject(fault, at: moment, of: "payments")
            let label = "\(fault) at \(moment)"
            do {
                _ = try payments.call(9)
                Issue.record("\(label): the call replied")
            } catch let thrown as InjectedFault {
                #expect(thrown == error, "\(label)")
            } catch {
                #expect(error is SimulatedCrash && faults.crashedAt?.moment == moment, "\(label): \(error)")
            }
            #expect(payments.effects == (acted ? [9] : []), "\(label)")
            #expect(clock.now.offset == waited, "\(label)")
        }
    }

    @Test("Faults target the n-th occurrence of a point; later calls are unaffected")
    func occurrences() throws {
        let faults = FaultPlan()
        let payments = paymentProvider(faults)
        faults.inject(.timeOut, at: .afterEffect, of: "payments", occurrence: 2)
        _ = try payments.call(1)
        #expect(throws: InjectedFault.timedOut) { try payments.call(2) }
        _ = try payments.call(3)
        #expect(payments.effects == [1, 2, 3])
        #expect(payments.calls.map(\.outcome) == [.replied, .failed(.timedOut), .replied])
    }

    @Test("One numbering spans the store and the external system, so a crash can fall between the two")
    func crashBetweenSystems() throws {
        func chargeAndRecord(_ faults: FaultPlan) throws -> (TransactionalStore, ExternalSystem<Int, String>) {
            let store = TransactionalStore(faults: faults)
            let payments = paymentProvider(faults)
            do {
                _ = try payments.call(40)
                try store.transaction { tx in try tx.insert(40, key: "order-1", into: charges) }
            } catch is SimulatedCrash {}
            return (store, payments)
        }
        let dryRun = FaultPlan()
        _ = try chargeAndRecord(dryRun)
        #expect(dryRun.passed.map(\.description) == [
            "step 1: payments beforeEffect", "step 2: payments afterEffect",
            "step 3: store beforeCommit", "step 4: store afterCommit",
        ])

        let faults = FaultPlan()
        faults.inject(.crash, atStep: 2)
        let (store, payments) = try chargeAndRecord(faults)
        #expect(payments.effects == [40] && store.rows(in: charges).isEmpty, "the charge with no record is the window this crash opens")
        #expect(payments.calls.map(\.outcome) == [.crashed])
        #expect(throws: SimulatedCrash.self, "a dead process still called out") { try payments.call(1) }
        faults.restart()
        _ = try payments.call(1)
        #expect(payments.effects == [40, 1])
    }
}
