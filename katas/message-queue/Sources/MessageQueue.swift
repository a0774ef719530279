import KataHarness

/// A queue with SQS-style visibility-timeout semantics (at-least-once delivery).
///
/// `receive` does not remove a message: it hides it for the visibility timeout and hands out a
/// receipt handle. `delete` with that handle acknowledges it. A message not deleted in time
/// becomes visible again and is delivered again, with a new handle. With a dead-letter queue, a
/// message received `maxReceiveCount` times that comes up once more is moved there instead.
public final class MessageQueue {
    public let visibilityTimeout: Duration
    public let maxReceiveCount: Int?

    private let deadLetterQueue: MessageQueue?
    private let clock: VirtualClock
    // TODO(kata): the messages not yet deleted, in the order they were sent, each with its id,
    // body, receive count, when it is visible again, and its latest receipt handle and receive time.

    /// - Precondition: `0 <= visibilityTimeout <= 12 h`; a `maxReceiveCount` (≥ 1) comes with a
    ///   dead-letter queue.
    public init(
        visibilityTimeout: Duration = SQSLimits.defaultVisibilityTimeout,
        deadLetterQueue: MessageQueue? = nil,
        maxReceiveCount: Int? = nil,
        clock: VirtualClock
    ) {
        self.visibilityTimeout = visibilityTimeout
        self.deadLetterQueue = deadLetterQueue
        self.maxReceiveCount = maxReceiveCount
        self.clock = clock
    }

    /// Messages a `receive` could return now.
    public var visibleCount: Int {
        // TODO(kata): count the messages whose hiding has run out (or that were never received).
        return 0
    }

    /// Messages received and hidden, neither deleted nor visible again yet.
    public var inFlightCount: Int {
        // TODO(kata): count the hidden messages.
        return 0
    }

    /// Adds a message, visible at once; returns its id.
    @discardableResult
    public func send(_ body: String) -> String {
        // TODO(kata): store the message with a new id, unique within this queue.
        return ""
    }

    /// Delivers up to `maxMessages` visible messages, oldest first, and hides each for
    /// `visibilityTimeout` (the queue's unless given).
    /// - Precondition: `1 <= maxMessages <= 10`; an override lies in 0...12 h.
    public func receive(maxMessages: Int = 1, visibilityTimeout override: Duration? = nil) -> [ReceivedMessage] {
        // TODO(kata): walk the visible messages oldest first; move one already received
        // maxReceiveCount times to the dead-letter queue (keeping its id) and carry on; hide the
        // others, count the receive, and hand out a new receipt handle for each.
        return []
    }

    /// Acknowledges a delivery: the message is gone for good. Works with the message's latest
    /// handle, even if its visibility has run out, as long as nobody has received it since.
    public func delete(receiptHandle: String) throws(QueueError) {
        // TODO(kata): find the message whose latest handle this is (else invalidReceiptHandle)
        // and remove it.
    }

    /// Hides the message for `timeout` from now (not added to what was left); 0 makes it visible
    /// at once. Only while it is in flight, and never past 12 hours after the receive.
    public func changeVisibility(receiptHandle: String, timeout: Duration) throws(QueueError) {
        // TODO(kata): latest handle only (invalidReceiptHandle), still hidden (messageNotInFlight),
        // now + timeout at most 12 h after that receive (visibilityTimeoutTooLong).
    }
}
