import KataHarness

/// Why a hedged request gave no answer.
public enum HedgeError: Error, Equatable {
    /// Every attempt sent failed; the faults in the order they arrived.
    case allFailed([InjectedFault])
}

/// The winning reply of a hedged request.
public struct HedgedResponse<Value> {
    public let value: Value
    /// The replica whose reply won.
    public let replica: String
    /// How many attempts the request sent, the winner included.
    public let attemptsSent: Int
}

/// A client that hedges: when a replica is slow, it asks the next one as well, and takes the
/// first success ("The Tail at Scale", Dean and Barroso, 2013; gRPC's hedging policy).
public final class HedgedClient<Value> {
    public let replicas: [Replica<Value>]
    /// The most attempts one request may send (gRPC's `maxAttempts`), the first one included.
    public let maxAttempts: Int
    /// Where the hedge delay comes from; every winning latency is recorded into it.
    public private(set) var tracker: LatencyTracker
    private let clock: VirtualClock

    public init(replicas: [Replica<Value>], maxAttempts: Int, tracker: LatencyTracker, clock: VirtualClock) {
        self.replicas = replicas
        self.maxAttempts = maxAttempts
        self.tracker = tracker
        self.clock = clock
    }

    /// Sends one request and returns the first successful reply.
    ///
    /// - Attempt *i* goes to `replicas[i - 1]`; at most `min(maxAttempts, replicas.count)` are sent.
    /// - The first is sent at once. The hedge delay is `tracker.hedgeDelay`, read once per request:
    ///   while no reply has succeeded, the next attempt is sent when the delay has passed since the
    ///   latest send, or at once when a reply fails.
    /// - Replies are handled in arrival order (same instant: the earlier-sent first), and a reply
    ///   arriving exactly when a hedge is due is handled before the hedge is sent.
    /// - The first success wins: the clock is at its arrival, every outstanding attempt is
    ///   cancelled, and its latency, measured from that attempt's own send, is recorded.
    /// - If every attempt fails, throws `.allFailed` with the faults in arrival order, the clock at
    ///   the last one.
    public func get() throws(HedgeError) -> HedgedResponse<Value> {
        let delay = tracker.hedgeDelay
        let limit = min(maxAttempts, replicas.count)
        var pending: [Attempt<Value>] = []
        var sent = 0
        var lastSend = clock.now
        var faults: [InjectedFault] = []

        func sendNext() {
            pending.append(replicas[sent].send())
            sent += 1
            lastSend = clock.now
        }

        sendNext()
        while let next = pending.min(by: { $0.arrivesAt < $1.arrivesAt }) {
            // A hedge goes out only if it is due strictly before the next reply.
            if sent < limit, lastSend + delay < next.arrivesAt {
                clock.advance(to: lastSend + delay)
                sendNext()
                continue
            }
            pending.removeAll { $0 === next }
            clock.advance(to: next.arrivesAt)
            switch next.reply {
            case .success(let value):
                // The losers would only add load now; tell their replicas to stop.
                for loser in pending { loser.cancel() }
                tracker.record(next.arrivesAt - next.sentAt)
                return HedgedResponse(value: value, replica: next.replica, attemptsSent: sent)
            case .failure(let fault):
                faults.append(fault)
                // A failure tells us more than a timer could: ask the next replica now.
                if sent < limit { sendNext() }
            case nil:
                break
            }
        }
        throw .allFailed(faults)
    }
}
