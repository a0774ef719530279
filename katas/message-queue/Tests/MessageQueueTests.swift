import KataHarness
import MessageQueueKata
import Testing

/// Receives one message and insists there is one.
private func receiveOne(
    _ queue: MessageQueue, visibilityTimeout: Duration? = nil, sourceLocation: SourceLocation = #_sourceLocation
) -> ReceivedMessage? {
    let batch = queue.receive(visibilityTimeout: visibilityTimeout)
    #expect(batch.count == 1, "expected one message from the queue, got \(batch.count)", sourceLocation: sourceLocation)
    return batch.first
}

private func expectCounts(
    _ queue: MessageQueue, visible: Int, inFlight: Int, _ when: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(
        queue.visibleCount == visible && queue.inFlightCount == inFlight,
        "\(when): visible \(queue.visibleCount), in flight \(queue.inFlightCount); expected visible \(visible), in flight \(inFlight)",
        sourceLocation: sourceLocation
    )
}

@Suite("Message queue: visibility timeout")
struct VisibilityTests {
    @Test("A received message is hidden for exactly the visibility timeout, then delivered again")
    func receiveHides() {
        for timeout in [SQSLimits.defaultVisibilityTimeout, .seconds(5)] {
            let clock = VirtualClock()
            let queue = MessageQueue(visibilityTimeout: timeout, clock: clock)
            let id = queue.send("order 42")
            expectCounts(queue, visible: 1, inFlight: 0, "after one send")

            guard let first = receiveOne(queue) else { return }
            #expect(first.id == id && first.body == "order 42" && first.receiveCount == 1, "the first delivery was \(first), expected id \(id), body \"order 42\", receive count 1")
            expectCounts(queue, visible: 0, inFlight: 1, "right after the receive")
            #expect(queue.receive().isEmpty, "a second consumer received a message that is hidden")

            clock.advance(by: timeout - .milliseconds(1))
            #expect(queue.receive().isEmpty, "1 ms before the \(timeout) visibility timeout ran out the message was delivered again")
            expectCounts(queue, visible: 0, inFlight: 1, "1 ms before the timeout")
            clock.advance(by: .milliseconds(1))
            expectCounts(queue, visible: 1, inFlight: 0, "exactly at the timeout")
            guard let second = receiveOne(queue) else { return }
            #expect(second.id == id && second.receiveCount == 2, "the redelivery was \(second), expected the same id \(id) with receive count 2")
            #expect(second.receiptHandle != first.receiptHandle, "the redelivery reused the receipt handle \(first.receiptHandle); every receive gets a new one")
        }
    }

    @Test("The default visibility timeout is SQS's 30 seconds, and a receive may choose its own")
    func defaultAndOverride() {
        let clock = VirtualClock()
        let queue = MessageQueue(clock: clock)
        queue.send("a")
        queue.send("b")
        #expect(queue.receive().first?.body == "a", "the oldest message did not come first")
        #expect(queue.receive(visibilityTimeout: .seconds(90)).first?.body == "b", "the second receive did not get the second message")

        clock.advance(by: .seconds(30) - .milliseconds(1))
        expectCounts(queue, visible: 0, inFlight: 2, "just under 30 s after both receives")
        clock.advance(by: .milliseconds(1))
        #expect(queue.receive(maxMessages: 10, visibilityTimeout: .seconds(120)).map(\.body) == ["a"], "at 30 s only the message hidden with the default 30 s may be back; the one hidden for 90 s must stay hidden")
        clock.advance(by: .seconds(60))
        #expect(queue.receive(maxMessages: 10).map(\.body) == ["b"], "at 90 s the message hidden for 90 s must be back")
    }

    @Test("A receive returns at most maxMessages visible messages, oldest first")
    func batchesOldestFirst() {
        let clock = VirtualClock()
        let queue = MessageQueue(clock: clock)
        let ids = (1...15).map { queue.send("m\($0)") }
        #expect(Set(ids).count == 15, "15 sends returned only \(Set(ids).count) distinct ids: \(ids)")

        let first = queue.receive(maxMessages: 10)
        let second = queue.receive(maxMessages: 10).map(\.body)
        let single = queue.receive()

        #expect(first.map(\.body) == (1...10).map { "m\($0)" }, "the first batch of 10 was \(first.map(\.body))")
        #expect(first.map(\.id) == Array(ids.prefix(10)), "the first batch carried ids \(first.map(\.id)), expected the ids send returned, \(Array(ids.prefix(10)))")
        #expect(second == (11...15).map { "m\($0)" }, "the second batch should be the 5 left, m11...m15, but was \(second)")
        #expect(single.isEmpty, "with every message hidden a receive returned \(single)")
        expectCounts(queue, visible: 0, inFlight: 15, "after receiving all 15")

        clock.advance(by: .seconds(30))
        queue.send("m16")
        let afterTimeout = queue.receive(maxMessages: 3).map(\.body)
        #expect(afterTimeout == ["m1", "m2", "m3"], "after the timeout the oldest messages come first again, but got \(afterTimeout)")
        expectCounts(queue, visible: 13, inFlight: 3, "after receiving 3 of 16 visible")
    }

    @Test("A receive delivers each message at most once, even with a visibility timeout of zero")
    func zeroTimeoutDeliversOncePerReceive() {
        let clock = VirtualClock()
        let queue = MessageQueue(clock: clock)
        queue.send("a")
        queue.send("b")

        let batch = queue.receive(maxMessages: 10, visibilityTimeout: .zero)
        #expect(batch.map(\.body) == ["a", "b"] && batch.map(\.receiveCount) == [1, 1], "a receive with timeout 0 returned bodies \(batch.map(\.body)) with receive counts \(batch.map(\.receiveCount)); expected each message once, [\"a\", \"b\"] with counts [1, 1]")
        expectCounts(queue, visible: 2, inFlight: 0, "after a receive with timeout 0")
        let next = queue.receive(maxMessages: 10)
        #expect(next.map(\.receiveCount) == [2, 2], "the next receive should deliver both again with receive count 2, got counts \(next.map(\.receiveCount))")
    }
}

@Suite("Message queue: acknowledging")
struct DeleteTests {
    @Test("Deleting with the receipt handle removes the message for good")
    func deleteAcknowledges() throws {
        let clock = VirtualClock()
        let queue = MessageQueue(clock: clock)
        queue.send("keep")
        queue.send("done")
        let batch = queue.receive(maxMessages: 2)
        let done = try #require(batch.last)

        try queue.delete(receiptHandle: done.receiptHandle)
        expectCounts(queue, visible: 0, inFlight: 1, "after deleting one of two received")
        clock.advance(by: .seconds(3_600))
        #expect(queue.receive(maxMessages: 10).map(\.body) == ["keep"], "a deleted message came back, or the other one did not")
        #expect(throws: QueueError.invalidReceiptHandle, "deleting the same handle twice must be refused") {
            try queue.delete(receiptHandle: done.receiptHandle)
        }
        #expect(throws: QueueError.invalidReceiptHandle, "a handle the queue never issued must be refused") {
            try queue.delete(receiptHandle: "made-up")
        }
    }

    @Test("A stale receipt handle is refused once the message has been received again")
    func staleHandle() throws {
        let clock = VirtualClock()
        let queue = MessageQueue(visibilityTimeout: .seconds(10), clock: clock)
        queue.send("slow job")
        let slow = try #require(receiveOne(queue))
        clock.advance(by: .seconds(10))
        let fast = try #require(receiveOne(queue))

        #expect(throws: QueueError.invalidReceiptHandle, "the first consumer's late delete removed a message another consumer now holds") {
            try queue.delete(receiptHandle: slow.receiptHandle)
        }
        #expect(throws: QueueError.invalidReceiptHandle, "a stale handle changed the visibility of someone else's delivery") {
            try queue.changeVisibility(receiptHandle: slow.receiptHandle, timeout: .seconds(60))
        }
        expectCounts(queue, visible: 0, inFlight: 1, "after the refused stale delete")
        try queue.delete(receiptHandle: fast.receiptHandle)
        expectCounts(queue, visible: 0, inFlight: 0, "after deleting with the latest handle")
    }

    @Test("The latest handle still deletes after its timeout, as long as nobody has received the message since")
    func lateDeleteWithLatestHandle() throws {
        let clock = VirtualClock()
        let queue = MessageQueue(visibilityTimeout: .seconds(10), clock: clock)
        queue.send("job")
        let delivery = try #require(receiveOne(queue))
        clock.advance(by: .seconds(15))
        expectCounts(queue, visible: 1, inFlight: 0, "after the timeout ran out")

        try queue.delete(receiptHandle: delivery.receiptHandle)
        expectCounts(queue, visible: 0, inFlight: 0, "after the late delete with the latest handle")
        #expect(queue.receive().isEmpty, "a message deleted with its latest handle was delivered again")
    }
}

@Suite("Message queue: changing visibility")
struct ChangeVisibilityTests {
    @Test("Changing visibility hides the message for the new timeout counted from now")
    func extendFromNow() throws {
        let clock = VirtualClock()
        let queue = MessageQueue(visibilityTimeout: .seconds(30), clock: clock)
        queue.send("long job")
        let delivery = try #require(receiveOne(queue))
        clock.advance(by: .seconds(20))

        try queue.changeVisibility(receiptHandle: delivery.receiptHandle, timeout: .seconds(60))

        clock.advance(by: .seconds(60) - .milliseconds(1))
        #expect(queue.receive().isEmpty, "the message came back before 60 s from the change (the new timeout counts from the call, not from the receive, and replaces what was left)")
        clock.advance(by: .milliseconds(1))
        let again = queue.receive()
        #expect(again.count == 1, "60 s after the change the message must be visible again, got \(again.count) messages")
    }

    @Test("A timeout of zero makes the message visible at once")
    func releaseWithZero() throws {
        let clock = VirtualClock()
        let queue = MessageQueue(clock: clock)
        queue.send("give it back")
        let delivery = try #require(receiveOne(queue))

        try queue.changeVisibility(receiptHandle: delivery.receiptHandle, timeout: .zero)

        expectCounts(queue, visible: 1, inFlight: 0, "after releasing with timeout 0")
        let next = try #require(receiveOne(queue))
        #expect(next.receiveCount == 2, "the released message was delivered with receive count \(next.receiveCount), expected 2")
    }

    @Test("Visibility can only be changed while the message is in flight")
    func notInFlight() throws {
        let clock = VirtualClock()
        let queue = MessageQueue(visibilityTimeout: .seconds(10), clock: clock)
        queue.send("job")
        let delivery = try #require(receiveOne(queue))
        clock.advance(by: .seconds(10))

        #expect(throws: QueueError.messageNotInFlight, "extending a message whose timeout has run out must be refused") {
            try queue.changeVisibility(receiptHandle: delivery.receiptHandle, timeout: .seconds(30))
        }
        expectCounts(queue, visible: 1, inFlight: 0, "after the refused change")
    }

    @Test("No change may hide a message past 12 hours after it was received")
    func twelveHourCap() throws {
        let twelveHours = SQSLimits.maximumVisibility
        #expect(twelveHours == .seconds(43_200), "SQS's maximum visibility is 12 h = 43200 s, not \(twelveHours)")
        let clock = VirtualClock()
        let queue = MessageQueue(clock: clock)
        queue.send("very long job")
        let delivery = try #require(receiveOne(queue))

        try queue.changeVisibility(receiptHandle: delivery.receiptHandle, timeout: twelveHours)
        clock.advance(by: .seconds(3_600))
        #expect(throws: QueueError.visibilityTimeoutTooLong, "an hour after the receive, 11 h + 1 ms more reaches past 12 h from the receive") {
            try queue.changeVisibility(receiptHandle: delivery.receiptHandle, timeout: twelveHours - .seconds(3_600) + .milliseconds(1))
        }
        try queue.changeVisibility(receiptHandle: delivery.receiptHandle, timeout: twelveHours - .seconds(3_600))

        clock.advance(by: twelveHours - .seconds(3_600) - .milliseconds(1))
        expectCounts(queue, visible: 0, inFlight: 1, "1 ms before 12 h after the receive")
        clock.advance(by: .milliseconds(1))
        expectCounts(queue, visible: 1, inFlight: 0, "12 h after the receive")
    }
}

@Suite("Message queue: dead-letter queue")
struct DeadLetterTests {
    @Test("A message received maxReceiveCount times moves to the dead-letter queue on its next receive")
    func redrive() throws {
        for maxReceiveCount in [3, 1] {
            let clock = VirtualClock()
            let deadLetters = MessageQueue(clock: clock)
            let queue = MessageQueue(visibilityTimeout: .seconds(10), deadLetterQueue: deadLetters, maxReceiveCount: maxReceiveCount, clock: clock)
            let poisonID = queue.send("poison")
            queue.send("fine")

            for attempt in 1...maxReceiveCount {
                let batch = queue.receive(maxMessages: 10)
                #expect(batch.map(\.body) == ["poison", "fine"] || batch.map(\.body) == ["poison"], "receive \(attempt) of \(maxReceiveCount) should still deliver the poison message, got \(batch.map(\.body))")
                #expect(batch.first?.receiveCount == attempt, "the poison message's receive count was \(batch.first?.receiveCount ?? 0) on receive \(attempt)")
                if let fine = batch.first(where: { $0.body == "fine" }) { try queue.delete(receiptHandle: fine.receiptHandle) }
                clock.advance(by: .seconds(10))
            }
            expectCounts(deadLetters, visible: 0, inFlight: 0, "before the poison message exceeded maxReceiveCount \(maxReceiveCount)")

            let extra = queue.receive(maxMessages: 10)
            #expect(extra.isEmpty, "receive \(maxReceiveCount + 1) delivered \(extra.map(\.body)); past maxReceiveCount \(maxReceiveCount) the message belongs in the dead-letter queue")
            expectCounts(queue, visible: 0, inFlight: 0, "after the poison message moved out")
            let dead = try #require(deadLetters.receive().first)
            #expect(dead.id == poisonID && dead.body == "poison", "the dead-letter queue holds \(dead), expected the poison message with id \(poisonID)")
        }
    }

    @Test("Moving a poison message aside does not cost the receive its healthy messages")
    func redriveKeepsFilling() throws {
        let clock = VirtualClock()
        let deadLetters = MessageQueue(clock: clock)
        let queue = MessageQueue(visibilityTimeout: .seconds(10), deadLetterQueue: deadLetters, maxReceiveCount: 1, clock: clock)
        queue.send("poison")
        _ = queue.receive()
        clock.advance(by: .seconds(10))
        queue.send("next")

        let batch = queue.receive()
        #expect(batch.map(\.body) == ["next"], "with the poison message moved aside the receive should deliver \"next\", got \(batch.map(\.body))")
        expectCounts(deadLetters, visible: 1, inFlight: 0, "after the redrive")
    }

    @Test("Without a dead-letter queue a message is redelivered for as long as it is not deleted")
    func noRedrivePolicy() {
        let clock = VirtualClock()
        let queue = MessageQueue(visibilityTimeout: .seconds(1), clock: clock)
        queue.send("forever")
        var counts: [Int] = []
        for _ in 0..<20 {
            counts.append(queue.receive().first?.receiveCount ?? 0)
            clock.advance(by: .seconds(1))
        }
        #expect(counts == Array(1...20), "without a redrive policy the message must come back every time with a rising receive count, got \(counts)")
    }
}
