/// A deterministic network between named nodes, for katas about messages crossing machines.
///
/// Messages are not delivered when sent: they wait in a queue ordered by arrival time (ties keep
/// send order) until the test calls `deliverNext()` or `run(until:)`, which move the shared
/// `VirtualClock`. Tests script what goes wrong: per-link latency, partitions (messages across a
/// cut are dropped), and seeded random loss and duplication. Given the same script and seed, the
/// same messages arrive in the same order every run.
public final class SimulatedNetwork<Message>: @unchecked Sendable {
    public typealias Node = String

    public struct Envelope {
        public let from: Node
        public let to: Node
        public let message: Message
        public let sentAt: VirtualClock.Instant
        public let arrivesAt: VirtualClock.Instant
        fileprivate let sequence: Int
    }

    public let clock: VirtualClock
    private var random: SeededRandom
    private var inFlight: [Envelope] = []
    private var sequence = 0
    private var handlers: [Node: (Envelope) -> Void] = [:]
    private var latencies: [Link: Duration] = [:]
    private var cuts: Set<Link> = []

    public var defaultLatency: Duration
    /// Probability in 0...1 that a message is silently lost.
    public var lossRate: Double = 0
    /// Probability in 0...1 that a delivered message arrives a second time, one latency later.
    public var duplicationRate: Double = 0

    /// Every message dropped by a partition or by loss, for assertions.
    public private(set) var dropped: [Envelope] = []
    /// Every delivered message in delivery order.
    public private(set) var delivered: [Envelope] = []

    public init(clock: VirtualClock, seed: UInt64, defaultLatency: Duration = .milliseconds(10)) {
        self.clock = clock
        self.random = SeededRandom(seed: seed)
        self.defaultLatency = defaultLatency
    }

    /// Registers the code that receives messages addressed to `node`.
    public func attach(_ node: Node, handler: @escaping (Envelope) -> Void) {
        handlers[node] = handler
    }

    public func setLatency(_ latency: Duration, from: Node, to: Node) {
        latencies[Link(from: from, to: to)] = latency
    }

    /// Cuts both directions between the two sides; messages sent across the cut are dropped.
    public func partition(_ side: [Node], from otherSide: [Node]) {
        for a in side {
            for b in otherSide {
                cuts.insert(Link(from: a, to: b))
                cuts.insert(Link(from: b, to: a))
            }
        }
    }

    /// Removes every partition.
    public func heal() {
        cuts.removeAll()
    }

    public func isPartitioned(_ from: Node, _ to: Node) -> Bool {
        cuts.contains(Link(from: from, to: to))
    }

    public func send(_ message: Message, from: Node, to: Node) {
        let latency = latencies[Link(from: from, to: to)] ?? defaultLatency
        let envelope = makeEnvelope(message, from: from, to: to, latency: latency)
        if isPartitioned(from, to) || roll(lossRate) {
            dropped.append(envelope)
            return
        }
        enqueue(envelope)
        if roll(duplicationRate) {
            enqueue(makeEnvelope(message, from: from, to: to, latency: latency + latency))
        }
    }

    public var pendingCount: Int { inFlight.count }

    /// Delivers the earliest message, moving the clock to its arrival. Returns false when idle.
    /// A message whose link was cut while it was in flight is dropped on arrival.
    @discardableResult
    public func deliverNext() -> Bool {
        guard let next = inFlight.indices.min(by: { earlier(inFlight[$0], inFlight[$1]) }) else {
            return false
        }
        let envelope = inFlight.remove(at: next)
        clock.advance(to: envelope.arrivesAt)
        if isPartitioned(envelope.from, envelope.to) {
            dropped.append(envelope)
        } else {
            delivered.append(envelope)
            handlers[envelope.to]?(envelope)
        }
        return true
    }

    /// Delivers every message that arrives up to `deadline`, then moves the clock to it.
    public func run(until deadline: VirtualClock.Instant) {
        while let soonest = inFlight.map(\.arrivesAt).min(), soonest <= deadline {
            deliverNext()
        }
        clock.advance(to: deadline)
    }

    /// Delivers until nothing is in flight, including replies sent by handlers.
    /// `limit` guards against two handlers that answer each other forever.
    public func runUntilIdle(limit: Int = 10_000) {
        var steps = 0
        while deliverNext() {
            steps += 1
            precondition(steps <= limit, "network still busy after \(limit) deliveries: a message loop?")
        }
    }

    private func makeEnvelope(_ message: Message, from: Node, to: Node, latency: Duration) -> Envelope {
        sequence += 1
        return Envelope(
            from: from, to: to, message: message,
            sentAt: clock.now, arrivesAt: clock.now + latency, sequence: sequence
        )
    }

    private func enqueue(_ envelope: Envelope) {
        inFlight.append(envelope)
    }

    private func earlier(_ a: Envelope, _ b: Envelope) -> Bool {
        (a.arrivesAt, a.sequence) < (b.arrivesAt, b.sequence)
    }

    private func roll(_ probability: Double) -> Bool {
        probability > 0 && Double.random(in: 0..<1, using: &random) < probability
    }

    private struct Link: Hashable {
        let from: Node
        let to: Node
    }
}
