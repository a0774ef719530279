/// One delivery of a message to a consumer.
public struct ReceivedMessage: Equatable, Sendable {
    /// The message's id, the same on every delivery (what `send` returned).
    public let id: String
    public let body: String
    /// Names this delivery: what `delete` and `changeVisibility` take. New on every receive.
    public let receiptHandle: String
    /// How many times the message has been received, this delivery included (SQS's
    /// `ApproximateReceiveCount`).
    public let receiveCount: Int

    public init(id: String, body: String, receiptHandle: String, receiveCount: Int) {
        self.id = id
        self.body = body
        self.receiptHandle = receiptHandle
        self.receiveCount = receiveCount
    }
}

/// Why the queue refused a `delete` or `changeVisibility`.
public enum QueueError: Error, Equatable, Sendable {
    /// The handle is not the latest delivery of a message still in the queue: it was never
    /// issued, the message was deleted, or it has been received again since (SQS: `ReceiptHandleIsInvalid`).
    case invalidReceiptHandle
    /// The message's visibility timeout has run out, so there is no visibility left to change
    /// (SQS: `MessageNotInflight`).
    case messageNotInFlight
    /// The new timeout would hide the message past 12 hours after it was received.
    case visibilityTimeoutTooLong
}

/// SQS's figures (Amazon SQS Developer Guide, "Amazon SQS visibility timeout" and quotas).
public enum SQSLimits {
    /// The default visibility timeout of a queue.
    public static let defaultVisibilityTimeout: Duration = .seconds(30)
    /// The longest a message can stay hidden, counted from the receive that hid it; extending the
    /// timeout does not restart this.
    public static let maximumVisibility: Duration = .seconds(12 * 60 * 60)
    /// At most this many messages per receive (`MaxNumberOfMessages` is 1 to 10).
    public static let maxMessagesPerReceive = 10
}
