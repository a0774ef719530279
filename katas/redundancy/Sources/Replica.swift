import KataHarness

/// What a replica will answer to one request, and how long after it was sent.
public enum ReplicaReply<Value> {
    case value(Value, after: Duration)
    case failure(InjectedFault, after: Duration)
}

/// A replica of a service whose answers a test scripts request by request. Given: you do not
/// write this.
///
/// Unlike `ScriptedDependency`, sending does not move the clock: several requests can be out at
/// once, each arriving at its own instant. The simulation knows when each reply will arrive
/// (`Attempt.arrivesAt`); real code would wait for "the next reply or the next timer, whichever
/// comes first", and that is what you do here by moving the clock to the earlier of the two.
public final class Replica<Value> {
    public let name: String
    private let clock: VirtualClock
    private var script: [ReplicaReply<Value>]
    private let then: ReplicaReply<Value>
    /// Every request sent to this replica, in send order.
    public private(set) var attempts: [Attempt<Value>] = []

    public init(name: String, clock: VirtualClock, script: [ReplicaReply<Value>], then: ReplicaReply<Value>) {
        self.name = name
        self.clock = clock
        self.script = script
        self.then = then
    }

    /// Sends one request now; its reply is the next scripted one (then `then`, for ever).
    public func send() -> Attempt<Value> {
        let reply = script.isEmpty ? then : script.removeFirst()
        let attempt = Attempt(replica: name, clock: clock, reply: reply)
        attempts.append(attempt)
        return attempt
    }
}

/// One request in flight to one replica.
public final class Attempt<Value> {
    public let replica: String
    public let sentAt: VirtualClock.Instant
    /// When the reply arrives, if the request is not cancelled first.
    public let arrivesAt: VirtualClock.Instant
    /// When the request was cancelled, if it was cancelled while still outstanding.
    public private(set) var cancelledAt: VirtualClock.Instant?
    private let clock: VirtualClock
    private let outcome: Result<Value, InjectedFault>

    init(replica: String, clock: VirtualClock, reply: ReplicaReply<Value>) {
        self.replica = replica
        self.clock = clock
        sentAt = clock.now
        switch reply {
        case .value(let value, let after):
            outcome = .success(value)
            arrivesAt = sentAt + after
        case .failure(let fault, let after):
            outcome = .failure(fault)
            arrivesAt = sentAt + after
        }
    }

    /// True once the reply has arrived: the clock has reached `arrivesAt` and it was not cancelled.
    public var hasArrived: Bool { cancelledAt == nil && clock.now >= arrivesAt }

    /// The reply, or nil while it has not arrived (or never will, being cancelled).
    public var reply: Result<Value, InjectedFault>? { hasArrived ? outcome : nil }

    /// Cancels the request if it is still outstanding; a reply that has arrived cannot be undone.
    public func cancel() {
        guard cancelledAt == nil, !hasArrived else { return }
        cancelledAt = clock.now
    }
}
