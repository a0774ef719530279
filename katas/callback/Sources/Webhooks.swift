import KataHarness

/// One webhook delivery as it crosses the network.
public struct WebhookRequest: Equatable, Sendable {
    public let eventID: String
    public let body: String
    /// The signature header: `t=<timestamp>,v1=<tag>` (Stripe's `Stripe-Signature` format).
    public let signature: String

    public init(eventID: String, body: String, signature: String) {
        self.eventID = eventID
        self.body = body
        self.signature = signature
    }
}

/// Signs webhook bodies as Stripe does: a tag over `"<timestamp>.<body>"`, so that neither the
/// body nor the time it was sent can be changed without breaking the signature.
public struct WebhookSigner: Sendable {
    public let secret: String

    public init(secret: String) {
        self.secret = secret
    }

    /// The header value for `body` sent at `timestamp`: `t=<timestamp>,v1=<ToyMAC tag>`.
    public func signature(body: String, timestamp: Int) -> String {
        // TODO(kata): tag "<timestamp>.<body>" with ToyMAC under `secret`, in Stripe's header format.
        ""
    }
}
