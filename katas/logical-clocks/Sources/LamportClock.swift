/// A Lamport clock (Lamport, "Time, Clocks, and the Ordering of Events in a Distributed System",
/// CACM 1978): one counter per process.
///
/// Rule 1: every local or send event increments the counter and is stamped with it. Rule 2: on
/// receiving a message stamped `t`, the counter becomes `max(counter, t) + 1`. So if event `a`
/// happened before event `b`, `a`'s stamp is smaller — the converse does not hold.
public struct LamportClock: Sendable {
    public private(set) var time: Int = 0

    public init() {}

    /// A local or send event: the stamp to record or to put on the message.
    public mutating func tick() -> Int {
        // TODO(kata): rule 1.
        return time
    }

    /// A receive event for a message stamped `remote`.
    public mutating func receive(_ remote: Int) -> Int {
        // TODO(kata): rule 2.
        return time
    }
}
