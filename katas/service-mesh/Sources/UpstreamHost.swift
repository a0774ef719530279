/// One upstream host behind the sidecar, answering each request as a test scripts it. Given: you
/// do not write this.
///
/// `send()` does not move the clock: it tells you the status the host will answer and how long it
/// takes. Deciding whether the sidecar waits that long — or gives up at a timeout first — is your
/// part, so move the clock yourself.
public final class UpstreamHost {
    /// A scripted answer: an HTTP status after a latency.
    public struct Reply: Equatable, Sendable {
        public let status: Int
        public let latency: Duration

        public init(status: Int, after latency: Duration = .zero) {
            self.status = status
            self.latency = latency
        }
    }

    public let name: String
    private var script: [Reply]
    private let then: Reply
    /// How many requests this host has been sent.
    public private(set) var requests = 0

    public init(name: String, script: [Reply] = [], then: Reply = Reply(status: 200)) {
        self.name = name
        self.script = script
        self.then = then
    }

    /// Sends one request: the next scripted reply (then `then`, for ever).
    public func send() -> Reply {
        requests += 1
        return script.isEmpty ? then : script.removeFirst()
    }
}
