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
        // TODO(kata): parse the header, check a v1 tag, then the timestamp window, then the
        // event ID; run the handler and remember the event only if it succeeded.
        500
    }
}
