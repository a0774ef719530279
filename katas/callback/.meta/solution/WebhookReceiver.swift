import KataHarness

/// The receiving end of a webhook: verifies the signature and its timestamp, processes each
/// event once however often it is delivered, and answers with a status code.
public final class WebhookReceiver {
    public let secret: String
    /// How far a signature's timestamp may be from now (Stripe's libraries default to 300 s).
    public let tolerance: Duration
    private let clock: VirtualClock
    private let handler: (String) -> Bool
    /// The event IDs handled successfully, in order.
    public private(set) var processed: [String] = []

    /// - Parameter handler: does the work for one event body; false means it failed.
    public init(secret: String, tolerance: Duration = .seconds(300), clock: VirtualClock, handler: @escaping (String) -> Bool) {
        self.secret = secret
        self.tolerance = tolerance
        self.clock = clock
        self.handler = handler
    }

    /// Handles one delivery.
    ///
    /// - 400 if the header is not `t=<integer>` plus at least one `v1=<tag>` (comma-separated,
    ///   any order, other schemes ignored), if no `v1` tag matches `ToyMAC` of
    ///   `"<t>.<body>"` under `secret`, or if `t` is more than `tolerance` from now, either way.
    /// - 200 without running the handler if the event ID was already processed.
    /// - Otherwise runs the handler: 200 and the event ID is remembered if it succeeds; 500 and
    ///   nothing remembered if it fails, so the sender's retry gets another chance.
    public func receive(_ request: WebhookRequest) -> Int {
        guard let header = SignatureHeader(request.signature) else { return 400 }
        let expected = ToyMAC.tag(key: secret, message: "\(header.timestamp).\(request.body)")
        guard header.tags.contains(expected) else { return 400 }
        // The timestamp is only trustworthy once the signature has proved it unchanged.
        let age = clock.unixTime - header.timestamp
        guard abs(age) <= Int(tolerance.components.seconds) else { return 400 }

        // A redelivery (our earlier 200 was lost, or the sender retried early): acknowledge, do not redo.
        guard !processed.contains(request.eventID) else { return 200 }
        guard handler(request.body) else { return 500 }
        processed.append(request.eventID)
        return 200
    }
}

/// A parsed `t=…,v1=…` header.
private struct SignatureHeader {
    let timestamp: Int
    let tags: [String]

    init?(_ text: String) {
        var timestamp: Int?
        var tags: [String] = []
        for part in text.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { return nil }
            switch pair[0] {
            case "t": timestamp = Int(pair[1])
            case "v1": tags.append(pair[1])
            default: continue          // other schemes (Stripe's test-mode v0) are ignored
            }
        }
        guard let timestamp, !tags.isEmpty else { return nil }
        self.timestamp = timestamp
        self.tags = tags
    }
}
