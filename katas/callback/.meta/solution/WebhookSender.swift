import KataHarness

/// What became of one event's delivery.
public struct DeliveryReport: Equatable, Sendable {
    /// True if some attempt got a 2xx.
    public let delivered: Bool
    /// Every attempt's status code, in order.
    public let statuses: [Int]

    public init(delivered: Bool, statuses: [Int]) {
        self.delivered = delivered
        self.statuses = statuses
    }
}

/// The sending end of a webhook: signs each attempt afresh and retries with exponential
/// back-off until the receiver answers 2xx or the attempts run out.
public final class WebhookSender {
    public let signer: WebhookSigner
    /// Attempts in all, the first included (keep it below 60: the doubling is not capped before `maxDelay` applies).
    public let maxAttempts: Int
    public let baseDelay: Duration
    public let maxDelay: Duration
    private let clock: VirtualClock
    private let endpoint: (WebhookRequest) -> Int

    /// - Parameter endpoint: sends one request and returns the status the receiver answered.
    public init(signer: WebhookSigner, maxAttempts: Int, baseDelay: Duration, maxDelay: Duration,
                clock: VirtualClock, endpoint: @escaping (WebhookRequest) -> Int) {
        self.signer = signer
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.clock = clock
        self.endpoint = endpoint
    }

    /// Delivers one event.
    ///
    /// - Each attempt is signed with the clock's current `unixTime`, not the first attempt's:
    ///   a retry hours later must still fall inside the receiver's tolerance.
    /// - Any status in 200...299 ends the delivery; anything else is retried after
    ///   `min(maxDelay, baseDelay × 2^(n-1))` following the n-th attempt (`clock.sleep(for:)`),
    ///   up to `maxAttempts` attempts in all. No sleep follows the last attempt.
    public func deliver(eventID: String, body: String) -> DeliveryReport {
        var statuses: [Int] = []
        for attempt in 1...maxAttempts {
            let request = WebhookRequest(eventID: eventID, body: body,
                                         signature: signer.signature(body: body, timestamp: clock.unixTime))
            let status = endpoint(request)
            statuses.append(status)
            if (200...299).contains(status) { return DeliveryReport(delivered: true, statuses: statuses) }
            if attempt < maxAttempts { clock.sleep(for: backoff(after: attempt)) }
        }
        return DeliveryReport(delivered: false, statuses: statuses)
    }

    /// The pause after the `attempt`-th failed attempt: doubling from `baseDelay`, capped at `maxDelay`.
    public func backoff(after attempt: Int) -> Duration {
        min(maxDelay, baseDelay * (1 << (attempt - 1)))
    }
}
