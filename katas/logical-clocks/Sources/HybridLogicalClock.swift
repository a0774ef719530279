/// A hybrid-logical-clock stamp: `l`, the largest physical time seen, and `c`, a counter that
/// orders events sharing one `l`. Compared as the pair (l, c).
public struct HLCTimestamp: Comparable, Hashable, Sendable, CustomStringConvertible {
    public var l: Int64
    public var c: Int

    public init(l: Int64, c: Int) {
        self.l = l
        self.c = c
    }

    public static func < (x: HLCTimestamp, y: HLCTimestamp) -> Bool {
        (x.l, x.c) < (y.l, y.c)
    }

    public var description: String { "(\(l), \(c))" }
}

/// A hybrid logical clock (Kulkarni, Demirbas, Madappa, Avva, Leone, "Logical Physical Clocks",
/// OPODIS 2014, Figure 5): stamps that respect causality like a Lamport clock and stay within the
/// clock skew of physical time.
///
/// Send or local event: `l' = l; l = max(l', pt)`; `c = c + 1` if `l == l'`, else `c = 0`.
/// Receive of `m`: `l' = l; l = max(l', m.l, pt)`; then `c = max(c, m.c) + 1` if `l == l' == m.l`,
/// `c = c + 1` if only `l == l'`, `c = m.c + 1` if only `l == m.l`, and `c = 0` otherwise.
/// `pt` is read from `physicalTime` once per event; it may stand still or go backwards.
public struct HybridLogicalClock {
    public private(set) var last = HLCTimestamp(l: 0, c: 0)
    private let physicalTime: () -> Int64

    /// - Parameter physicalTime: this node's physical clock, in milliseconds.
    public init(physicalTime: @escaping () -> Int64) {
        self.physicalTime = physicalTime
    }

    /// A local or send event: the stamp to record or to put on the message.
    public mutating func tick() -> HLCTimestamp {
        // TODO(kata): the paper's send rule; read physicalTime() exactly once.
        return last
    }

    /// A receive event for a message stamped `message`.
    public mutating func receive(_ message: HLCTimestamp) -> HLCTimestamp {
        // TODO(kata): the paper's receive rule, its four cases for c in the paper's order.
        return last
    }
}
