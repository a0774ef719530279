import BulkheadKata
import KataHarness
import Testing

extension Duration {
    static func ms(_ value: Int) -> Duration { .milliseconds(value) }
}

func makeBulkhead(slots: Int = 2, queue: Int = 2, timeout: Duration = .seconds(1)) -> (Bulkhead, VirtualClock) {
    let clock = VirtualClock()
    return (Bulkhead(maxConcurrent: slots, maxQueue: queue, queueTimeout: timeout, clock: clock), clock)
}

extension Admission {
    var permit: Permit? {
        if case .admitted(let permit) = self { permit } else { nil }
    }

    var ticket: Ticket? {
        if case .queued(let ticket) = self { ticket } else { nil }
    }
}

extension TicketStatus {
    var isAdmitted: Bool {
        if case .admitted = self { true } else { false }
    }
}

@Suite("Bulkhead")
struct BulkheadTests {
    @Test("Up to maxConcurrent callers are admitted at once")
    func admitsUpToLimit() {
        let (bulkhead, _) = makeBulkhead(slots: 2, queue: 2)

        let first = bulkhead.acquire()
        let second = bulkhead.acquire()

        #expect(first.permit != nil && second.permit != nil,
                "with 2 free slots the first two callers should be admitted, but got \(first) and \(second)")
        #expect(first.permit != second.permit, "two callers must get two different permits, but both got \(first)")
        #expect(bulkhead.inUse == 2, "two admitted callers hold two slots, but inUse is \(bulkhead.inUse)")
    }

    @Test("When every slot is busy, callers wait in the queue")
    func queuesWhenBusy() {
        let (bulkhead, _) = makeBulkhead(slots: 1, queue: 2)
        _ = bulkhead.acquire()

        let waiting = bulkhead.acquire()

        #expect(waiting.ticket != nil, "with the only slot taken and room in the queue the caller should be queued, but got \(waiting)")
        #expect(bulkhead.queued == 1, "one caller is waiting, but queued is \(bulkhead.queued)")
        #expect(bulkhead.inUse == 1, "a queued caller must not hold a slot, but inUse is \(bulkhead.inUse)")
        if let ticket = waiting.ticket {
            #expect(bulkhead.status(of: ticket) == .waiting, "nobody released a slot, so the caller should still be waiting")
        }
    }

    @Test("When the slots and the queue are full, a caller is rejected at once")
    func rejectsWhenFull() {
        let (bulkhead, _) = makeBulkhead(slots: 1, queue: 2)
        _ = bulkhead.acquire()
        _ = bulkhead.acquire()
        _ = bulkhead.acquire()

        let turnedAway = bulkhead.acquire()

        #expect(turnedAway == .rejected, "1 slot and 2 queue places are taken, so the 4th caller should be rejected, but got \(turnedAway)")
        #expect(bulkhead.queued == 2, "the queue holds at most 2 callers, but queued is \(bulkhead.queued)")
    }

    @Test("A released slot goes to the longest-waiting caller first")
    func releaseAdmitsOldestWaiter() throws {
        let (bulkhead, _) = makeBulkhead(slots: 1, queue: 3)
        let holder = try #require(bulkhead.acquire().permit, "the first caller should be admitted")
        let first = try #require(bulkhead.acquire().ticket, "the second caller should be queued")
        let second = try #require(bulkhead.acquire().ticket, "the third caller should be queued")

        bulkhead.release(holder)

        #expect(bulkhead.status(of: first).isAdmitted,
                "the slot should go to the caller that waited longest, but its status is \(bulkhead.status(of: first))")
        #expect(bulkhead.status(of: second) == .waiting, "only one slot came free, so the later caller keeps waiting")
        let newcomer = bulkhead.acquire()
        #expect(newcomer.permit == nil, "a newcomer must not jump the queue, but it was admitted")
        #expect(bulkhead.inUse == 1, "the slot passed from one caller to the next, so inUse stays 1, but it is \(bulkhead.inUse)")
    }

    @Test("A queued caller gives up after queueTimeout and is not admitted later")
    func queuedCallerTimesOut() throws {
        let (bulkhead, clock) = makeBulkhead(slots: 1, queue: 2, timeout: .seconds(1))
        let holder = try #require(bulkhead.acquire().permit, "the first caller should be admitted")
        let ticket = try #require(bulkhead.acquire().ticket, "the second caller should be queued")

        clock.advance(by: .ms(999))
        #expect(bulkhead.status(of: ticket) == .waiting, "after 999 ms of a 1 s queue timeout the caller should still wait")
        clock.advance(by: .ms(2))
        #expect(bulkhead.status(of: ticket) == .timedOut,
                "after 1001 ms in the queue the caller should have timed out, but its status is \(bulkhead.status(of: ticket))")

        clock.advance(by: .seconds(1))
        bulkhead.release(holder)
        #expect(bulkhead.status(of: ticket) == .timedOut, "a caller that gave up must not be handed a slot afterwards")
        #expect(bulkhead.inUse == 0, "nobody is waiting any more, so the released slot should be free, but inUse is \(bulkhead.inUse)")
    }

    @Test("A caller that timed out frees its place in the queue")
    func timeoutFreesQueuePlace() {
        let (bulkhead, clock) = makeBulkhead(slots: 1, queue: 1, timeout: .seconds(1))
        _ = bulkhead.acquire()
        _ = bulkhead.acquire()
        #expect(bulkhead.acquire() == .rejected, "with the slot and the single queue place taken the caller should be rejected")

        clock.advance(by: .seconds(2))
        let later = bulkhead.acquire()

        #expect(later.ticket != nil, "the queued caller timed out 1 s ago, so its place is free and this caller should be queued, but got \(later)")
        #expect(bulkhead.queued == 1, "only the new caller is waiting, but queued is \(bulkhead.queued)")
    }

    @Test("A slot freed after one waiter timed out goes to the next caller still waiting")
    func skipsTimedOutWaiters() throws {
        let (bulkhead, clock) = makeBulkhead(slots: 1, queue: 2, timeout: .seconds(1))
        let holder = try #require(bulkhead.acquire().permit, "the first caller should be admitted")
        let early = try #require(bulkhead.acquire().ticket, "the second caller should be queued")
        clock.advance(by: .ms(600))
        let late = try #require(bulkhead.acquire().ticket, "the third caller should be queued")

        clock.advance(by: .ms(600))        // t = 1.2 s: the early waiter gave up at 1 s, the late one waits until 1.6 s
        bulkhead.release(holder)

        #expect(bulkhead.status(of: early) == .timedOut, "the first waiter timed out at 1 s and must not get the slot at 1.2 s")
        #expect(bulkhead.status(of: late).isAdmitted,
                "the slot should go to the waiter still in time, but its status is \(bulkhead.status(of: late))")
    }

    @Test("call releases its slot even when the dependency fails")
    func callReleasesOnFailure() throws {
        let (bulkhead, clock) = makeBulkhead(slots: 1, queue: 0)
        let failing = ScriptedDependency<String>(clock: clock, script: [], then: .fail(.connectionReset, after: .ms(20)))

        #expect(throws: BulkheadError.failed(.connectionReset), "the dependency's failure should come back as .failed(fault)") {
            try bulkhead.call(failing)
        }
        // With one slot, a slot leaked by the failed call would leave nothing for the next caller.
        let next = bulkhead.acquire()
        #expect(next.permit != nil, "after the failed call its slot should be free again, but the next caller got \(next)")
        if let permit = next.permit { bulkhead.release(permit) }

        let working = ScriptedDependency(clock: clock, script: [], then: .respond("ok"))
        for _ in 0..<3 {
            _ = try? bulkhead.call(failing)
        }
        let response = try bulkhead.call(working)
        #expect(response == "ok", "after failures the bulkhead should still have room for a call, got \(response)")
        #expect(bulkhead.inUse == 0, "every call has ended, so no slot should be held, but inUse is \(bulkhead.inUse)")
    }

    @Test("A waiter is still in time at exactly the queue timeout, and out of it just after")
    func queueTimeoutBoundary() throws {
        let (bulkhead, clock) = makeBulkhead(slots: 1, queue: 2, timeout: .seconds(1))
        let holder = try #require(bulkhead.acquire().permit, "the first caller should be admitted")
        let early = try #require(bulkhead.acquire().ticket, "the second caller should be queued")
        clock.advance(by: .ms(500))
        let late = try #require(bulkhead.acquire().ticket, "the third caller should be queued")

        clock.advance(by: .ms(500))         // t = 1 s: exactly the first waiter's deadline
        #expect(bulkhead.queued == 2,
                "at exactly its deadline the first waiter is still in time, so 2 callers wait, but queued is \(bulkhead.queued)")
        clock.advance(by: .ms(1))           // reading `queued` alone must apply the timeout
        #expect(bulkhead.queued == 1, "1 ms after its deadline the first waiter has timed out, so 1 caller waits, but queued is \(bulkhead.queued)")
        #expect(bulkhead.status(of: early) == .timedOut, "the first waiter's deadline has passed, but its status is \(bulkhead.status(of: early))")

        clock.advance(by: .ms(499))         // t = 1.5 s: exactly the second waiter's deadline
        bulkhead.release(holder)
        #expect(bulkhead.status(of: late).isAdmitted,
                "a slot released at exactly the waiter's deadline is still in time, but the waiter's status is \(bulkhead.status(of: late))")
    }

    @Test("call rejects at once when every slot is busy, without calling the dependency")
    func callRejectsWhenFull() throws {
        let (bulkhead, clock) = makeBulkhead(slots: 1, queue: 2)
        let holder = try #require(bulkhead.acquire().permit, "the first caller should be admitted")
        let dependency = ScriptedDependency(clock: clock, script: [], then: .respond("ok"))

        #expect(throws: BulkheadError.full, "with the only slot held, call should throw .full") {
            try bulkhead.call(dependency)
        }
        #expect(dependency.calls.isEmpty, "a rejected call must not reach the dependency, but it saw \(dependency.calls.count) calls")
        #expect(bulkhead.queued == 0, "call never queues, but queued is \(bulkhead.queued)")

        bulkhead.release(holder)
        let response = try bulkhead.call(dependency)
        #expect(response == "ok", "once the slot is released call should go through, got \(response)")
    }

    @Test("Releasing the same permit twice frees only one slot")
    func doubleReleaseIsIgnored() throws {
        let (bulkhead, _) = makeBulkhead(slots: 1, queue: 2)
        let holder = try #require(bulkhead.acquire().permit, "the first caller should be admitted")
        let first = try #require(bulkhead.acquire().ticket, "the second caller should be queued")
        let second = try #require(bulkhead.acquire().ticket, "the third caller should be queued")

        bulkhead.release(holder)
        bulkhead.release(holder)

        #expect(bulkhead.status(of: first).isAdmitted, "the first release should admit the oldest waiter")
        #expect(bulkhead.status(of: second) == .waiting,
                "a second release of the same permit must not admit another caller, but the third caller got \(bulkhead.status(of: second))")
        #expect(bulkhead.inUse == 1, "1 slot means at most 1 holder, but inUse is \(bulkhead.inUse)")
    }
}
