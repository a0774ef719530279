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
    /// Every message not yet deleted, in the order it was sent.
    private var messages: [StoredMessage] = []
    private var sentCount = 0
    private var handleCount = 0

    private struct StoredMessage {
        let id: String
        let body: String
        var receiveCount = 0
        var visibleAt: VirtualClock.Instant
        /// The latest delivery: its handle and when it was received.
        var receipt: (handle: String, receivedAt: VirtualClock.Instant)?
    }

    /// - Precondition: `0 <= visibilityTimeout <= 12 h`; a `maxReceiveCount` (≥ 1) comes with a
    ///   dead-letter queue.
    public init(
        visibilityTimeout: Duration = SQSLimits.defaultVisibilityTimeout,
        deadLetterQueue: MessageQueue? = nil,
        maxReceiveCount: Int? = nil,
        clock: VirtualClock
    ) {
        precondition(visibilityTimeout >= .zero && visibilityTimeout <= SQSLimits.maximumVisibility, "visibility timeout must lie in 0...12 h")
        precondition((deadLetterQueue == nil) == (maxReceiveCount == nil), "a redrive policy needs both a dead-letter queue and a maxReceiveCount")
        precondition((maxReceiveCount ?? 1) >= 1, "maxReceiveCount must be at least 1")
        self.visibilityTimeout = visibilityTimeout
        self.deadLetterQueue = deadLetterQueue
        self.maxReceiveCount = maxReceiveCount
        self.clock = clock
    }

    /// Messages a `receive` could return now.
    public var visibleCount: Int {
        messages.filter { $0.visibleAt <= clock.now }.count
    }

    /// Messages received and hidden, neither deleted nor visible again yet.
    public var inFlightCount: Int {
        messages.count - visibleCount
    }

    /// Adds a message, visible at once; returns its id.
    @discardableResult
    public func send(_ body: String) -> String {
        sentCount += 1
        let id = "m\(sentCount)"
        messages.append(StoredMessage(id: id, body: body, visibleAt: clock.now))
        return id
    }

    /// Delivers up to `maxMessages` visible messages, oldest first, and hides each for
    /// `visibilityTimeout` (the queue's unless given).
    /// - Precondition: `1 <= maxMessages <= 10`; an override lies in 0...12 h.
    public func receive(maxMessages: Int = 1, visibilityTimeout override: Duration? = nil) -> [ReceivedMessage] {
        precondition((1...SQSLimits.maxMessagesPerReceive).contains(maxMessages), "maxMessages must lie in 1...10")
        let timeout = override ?? visibilityTimeout
        precondition(timeout >= .zero && timeout <= SQSLimits.maximumVisibility, "visibility timeout must lie in 0...12 h")
        let now = clock.now
        var delivered: [ReceivedMessage] = []
        var index = 0
        while index < messages.count, delivered.count < maxMessages {
            guard messages[index].visibleAt <= now else {
                index += 1
                continue
            }
            if let limit = maxReceiveCount, let deadLetters = deadLetterQueue, messages[index].receiveCount >= limit {
                // Received `limit` times and never deleted: a poison message. Move it aside
                // instead of letting it block consumers forever.
                let poison = messages.remove(at: index)
                deadLetters.send(poison.body, id: poison.id)
                continue
            }
            handleCount += 1
            let handle = "\(messages[index].id)/receipt-\(handleCount)"
            messages[index].receiveCount += 1
            messages[index].visibleAt = now + timeout
            messages[index].receipt = (handle, now)
            delivered.append(ReceivedMessage(id: messages[index].id, body: messages[index].body, receiptHandle: handle, receiveCount: messages[index].receiveCount))
            index += 1
        }
        return delivered
    }

    /// Acknowledges a delivery: the message is gone for good. Works with the message's latest
    /// handle, even if its visibility has run out, as long as nobody has received it since.
    public func delete(receiptHandle: String) throws(QueueError) {
        let index = try latestDelivery(receiptHandle)
        messages.remove(at: index)
    }

    /// Hides the message for `timeout` from now (not added to what was left); 0 makes it visible
    /// at once. Only while it is in flight, and never past 12 hours after the receive.
    public func changeVisibility(receiptHandle: String, timeout: Duration) throws(QueueError) {
        let index = try latestDelivery(receiptHandle)
        let now = clock.now
        guard messages[index].visibleAt > now else { throw .messageNotInFlight }
        let newDeadline = now + timeout
        guard let receivedAt = messages[index].receipt?.receivedAt,
              timeout >= .zero, newDeadline <= receivedAt + SQSLimits.maximumVisibility
        else { throw .visibilityTimeoutTooLong }
        messages[index].visibleAt = newDeadline
    }

    /// The index of the message whose latest delivery `handle` names.
    private func latestDelivery(_ handle: String) throws(QueueError) -> Int {
        guard let index = messages.firstIndex(where: { $0.receipt?.handle == handle }) else {
            throw .invalidReceiptHandle
        }
        return index
    }

    /// A message moved in from another queue keeps its id.
    private func send(_ body: String, id: String) {
        messages.append(StoredMessage(id: id, body: body, visibleAt: clock.now))
    }
}
