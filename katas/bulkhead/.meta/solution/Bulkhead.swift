import KataHarness

/// Proof that its holder occupies one of the bulkhead's slots. Hand it back with `release(_:)`.
public struct Permit: Hashable, Sendable {
    let id: Int
}

/// A caller's place in the queue; ask `status(of:)` how its wait is going.
public struct Ticket: Hashable, Sendable {
    let id: Int
}

/// The answer to `acquire()`.
public enum Admission: Equatable, Sendable {
    /// A slot was free: the caller holds it now.
    case admitted(Permit)
    /// Every slot is busy: the caller waits in the queue.
    case queued(Ticket)
    /// Every slot is busy and the queue is full: the caller is turned away at once.
    case rejected
}

/// How a queued caller's wait is going.
public enum TicketStatus: Equatable, Sendable {
    case waiting
    /// A slot was handed to this caller; it holds the permit and must release it.
    case admitted(Permit)
    /// No slot came free within `queueTimeout`; the caller has left the queue.
    case timedOut
}

/// Why `Bulkhead.call` did not return a response.
public enum BulkheadError: Error, Equatable {
    /// No slot was free; the dependency was not called.
    case full
    /// The dependency was called and failed.
    case failed(InjectedFault)
}

/// Caps how many calls run at once, with a bounded queue whose callers wait at most
/// `queueTimeout`, so one slow dependency cannot tie up every thread of its caller.
///
/// There is no real concurrency: a caller holds a slot from the moment it is admitted until it
/// calls `release(_:)`, and queued callers are admitted, first come first served, as slots are
/// released. Time is the `VirtualClock`'s.
public final class Bulkhead {
    public let maxConcurrent: Int
    public let maxQueue: Int
    public let queueTimeout: Duration
    public let clock: VirtualClock

    private var held: Set<Permit> = []
    /// Queued callers, oldest first, with the instant each one gives up.
    private var waiting: [(ticket: Ticket, deadline: VirtualClock.Instant)] = []
    private var outcomes: [Ticket: TicketStatus] = [:]
    private var lastID = 0

    public init(maxConcurrent: Int, maxQueue: Int, queueTimeout: Duration, clock: VirtualClock) {
        self.maxConcurrent = maxConcurrent
        self.maxQueue = maxQueue
        self.queueTimeout = queueTimeout
        self.clock = clock
    }

    /// Slots currently held.
    public var inUse: Int { held.count }

    /// Callers currently waiting (timed-out callers are not counted).
    public var queued: Int {
        expireOverdueWaiters()
        return waiting.count
    }

    /// Asks for a slot: admitted if one is free, else queued if the queue has room, else rejected.
    /// A queued caller times out `queueTimeout` after it joined the queue.
    public func acquire() -> Admission {
        expireOverdueWaiters()
        if let permit = takeFreeSlot() { return .admitted(permit) }
        // The queue is bounded too: an unbounded queue only moves the pile-up somewhere else.
        guard waiting.count < maxQueue else { return .rejected }
        let ticket = Ticket(id: nextID())
        waiting.append((ticket, clock.now + queueTimeout))
        outcomes[ticket] = .waiting
        return .queued(ticket)
    }

    /// How the wait of the caller holding `ticket` is going.
    public func status(of ticket: Ticket) -> TicketStatus {
        expireOverdueWaiters()
        return outcomes[ticket] ?? .timedOut
    }

    /// Gives a slot back and hands it to the longest-waiting caller still in the queue, if any.
    /// Releasing a permit that is not held (a second time, say) does nothing.
    public func release(_ permit: Permit) {
        // A double release must not free a slot that someone else now holds.
        guard held.remove(permit) != nil else { return }
        // Callers whose time ran out before this moment must not get the slot.
        expireOverdueWaiters()
        // Hand the slot straight to the oldest caller still waiting, so no newcomer can grab it.
        if !waiting.isEmpty, let handedOver = takeFreeSlot() {
            let next = waiting.removeFirst()
            outcomes[next.ticket] = .admitted(handedOver)
        }
    }

    /// Runs `dependency` in a free slot, and gives the slot back however the call ends.
    ///
    /// Never queues (there is nobody to wait on in a synchronous call): if no slot is free right
    /// now, throws `.full` without calling the dependency. A fault is thrown as `.failed(fault)`.
    public func call<Response>(_ dependency: ScriptedDependency<Response>) throws(BulkheadError) -> Response {
        expireOverdueWaiters()
        guard let permit = takeFreeSlot() else { throw .full }
        // Release on every path: a bulkhead that leaks a slot per failure soon has none left.
        defer { release(permit) }
        do {
            return try dependency.call()
        } catch {
            throw .failed(error)
        }
    }

    /// Takes a slot if one is free.
    private func takeFreeSlot() -> Permit? {
        guard held.count < maxConcurrent else { return nil }
        let permit = Permit(id: nextID())
        held.insert(permit)
        return permit
    }

    /// Removes every queued caller whose deadline has passed, marking it timed out.
    ///
    /// Nothing runs in the background on a virtual clock, so timeouts are applied lazily, each
    /// time the bulkhead is used; the result is the same as if a timer had fired at the deadline.
    private func expireOverdueWaiters() {
        let now = clock.now
        waiting.removeAll { waiter in
            // A slot that comes free exactly at the deadline is still in time.
            guard now > waiter.deadline else { return false }
            outcomes[waiter.ticket] = .timedOut
            return true
        }
    }

    private func nextID() -> Int {
        lastID += 1
        return lastID
    }
}
