import KataHarness
import LoadLevelingKata
import Testing

func makeQueue(capacity: Int = 10, serviceTime: Duration = .milliseconds(100)) -> (LevelingQueue, VirtualClock) {
    let clock = VirtualClock()
    return (LevelingQueue(capacity: capacity, serviceTime: serviceTime, clock: clock), clock)
}

/// A deadline no test reaches.
let never = VirtualClock.Instant(offset: .seconds(86_400))

func at(_ milliseconds: Int) -> VirtualClock.Instant {
    VirtualClock.Instant(offset: .milliseconds(milliseconds))
}

extension LevelingQueue {
    /// Offers messages `ids` at the current instant, all with the same deadline.
    @discardableResult
    func burst(_ ids: ClosedRange<Int>, deadline: VirtualClock.Instant = never) -> [Offer] {
        ids.map { offer(id: $0, deadline: deadline) }
    }

    var startTimes: [VirtualClock.Instant] { processed.map(\.startedAt) }
}

@Suite("The paced consumer")
struct ConsumerTests {
    @Test("An idle consumer starts a message the moment it arrives")
    func idleConsumerStartsAtOnce() {
        let (queue, clock) = makeQueue()
        clock.advance(by: .milliseconds(40))

        let answer = queue.offer(id: 1, deadline: never)

        #expect(answer == .accepted, "an empty queue should accept the message, but answered \(answer)")
        #expect(queue.processed == [Processed(id: 1, startedAt: at(40))],
                "the idle consumer should start message 1 at t+40ms, but processed is \(queue.processed)")
        #expect(queue.depth == 0, "the message in service is not waiting, so depth should be 0, but is \(queue.depth)")
    }

    @Test("A burst is processed one message per serviceTime, oldest first")
    func pacedInOrder() {
        let (queue, clock) = makeQueue(serviceTime: .milliseconds(100))
        queue.burst(1...5)
        #expect(queue.depth == 4, "one of five started at once, so 4 should wait, but depth is \(queue.depth)")

        clock.advance(to: at(99))
        #expect(queue.processed.count == 1, "at 99 ms the first message is still in service, but \(queue.processed.count) have started")
        clock.advance(to: at(100))
        #expect(queue.processed.count == 2, "at exactly 100 ms the second message should start, but \(queue.processed.count) have started")
        #expect(queue.depth == 3, "after two starts 3 should wait, but depth is \(queue.depth)")

        clock.advance(to: at(1000))
        #expect(queue.processed.map(\.id) == [1, 2, 3, 4, 5], "messages should be processed oldest first, but the order was \(queue.processed.map(\.id))")
        #expect(queue.startTimes == [at(0), at(100), at(200), at(300), at(400)],
                "one message per 100 ms should start at 0, 100, 200, 300, 400 ms, but started at \(queue.startTimes)")
        #expect(queue.stats == LevelingStats(accepted: 5, processed: 5), "five accepted and five processed, but stats are \(queue.stats)")
    }

    @Test("The pace follows serviceTime")
    func otherPace() {
        let (queue, clock) = makeQueue(serviceTime: .milliseconds(250))
        queue.burst(1...3)
        clock.advance(to: at(600))

        #expect(queue.startTimes == [at(0), at(250), at(500)],
                "at 250 ms per message the starts should be 0, 250, 500 ms, but were \(queue.startTimes)")
    }

    @Test("The consumer idles between bursts and starts again at the next arrival")
    func idlesBetweenBursts() {
        let (queue, clock) = makeQueue(serviceTime: .milliseconds(100))
        queue.burst(1...1)
        clock.advance(to: at(1000))
        queue.burst(2...2)
        clock.advance(to: at(1050))
        queue.burst(3...3)
        clock.advance(to: at(2000))

        #expect(queue.startTimes == [at(0), at(1000), at(1100)],
                "message 2 arrives to an idle consumer at 1 s, message 3 waits until 2 is done at 1.1 s, but starts were \(queue.startTimes)")
    }

    @Test("Every read lets the consumer catch up with the clock")
    func readsCatchUp() {
        // Each read below is the first call after the clock moved, so it alone must catch up.
        let (queue, clock) = makeQueue(capacity: 5, serviceTime: .milliseconds(100))
        queue.burst(1...3)

        clock.advance(to: at(150))
        let depth = queue.depth
        #expect(depth == 1, "at 150 ms message 2 has started and only 3 waits, but depth read first says \(depth)")
        clock.advance(to: at(250))
        let started = queue.processed.map(\.id)
        #expect(started == [1, 2, 3], "by 250 ms messages 1, 2 and 3 have started, but processed read first says \(started)")

        _ = queue.offer(id: 4, deadline: at(300))
        queue.burst(5...6)
        clock.advance(to: at(300))
        let expired = queue.expired
        #expect(expired == [4], "at 300 ms the consumer reaches message 4 at its deadline and drops it, but expired read first says \(expired)")
        clock.advance(to: at(400))
        let stats = queue.stats
        #expect(stats == LevelingStats(accepted: 6, rejected: 0, expired: 1, processed: 5),
                "at 400 ms messages 5 and 6 have started after the drop, but stats read first say \(stats)")
    }
}

@Suite("Backpressure")
struct BackpressureTests {
    @Test("A full queue rejects the offer and says when a place frees up")
    func rejectsWhenFull() {
        let (queue, clock) = makeQueue(capacity: 3, serviceTime: .milliseconds(100))
        let burst = queue.burst(1...4)
        #expect(burst == Array(repeating: .accepted, count: 4), "one in service and three waiting fit, but the offers gave \(burst)")
        #expect(queue.depth == 3, "the queue should be full with 3 waiting, but depth is \(queue.depth)")

        let atOnce = queue.offer(id: 5, deadline: never)
        clock.advance(to: at(30))
        let later = queue.offer(id: 6, deadline: never)

        #expect(atOnce == .rejected(retryAfter: .milliseconds(100)),
                "full at t=0, a place frees when the consumer takes message 2 at 100 ms, but the answer was \(atOnce)")
        #expect(later == .rejected(retryAfter: .milliseconds(70)),
                "at 30 ms the next place frees in 70 ms, but the answer was \(later)")

        clock.advance(to: at(100))
        let retried = queue.offer(id: 7, deadline: never)
        #expect(retried == .accepted, "at 100 ms message 2 left the queue, so there is room, but the answer was \(retried)")
        #expect(queue.stats == LevelingStats(accepted: 5, rejected: 2, processed: 2),
                "5 accepted, 2 rejected, 2 started by 100 ms, but stats are \(queue.stats)")
    }

    @Test("The capacity is exactly the number of messages that may wait", arguments: [1, 2, 5])
    func capacityBoundary(capacity: Int) {
        let (queue, _) = makeQueue(capacity: capacity)
        let offers = queue.burst(1...(capacity + 3))
        let accepted = offers.filter { $0 == .accepted }.count

        #expect(accepted == capacity + 1, "one in service plus \(capacity) waiting should be accepted, but \(accepted) were")
        #expect(queue.depth == capacity, "the queue should hold exactly \(capacity), but depth is \(queue.depth)")
        #expect(queue.stats.rejected == 2, "the last two offers should be rejected, but \(queue.stats.rejected) were")
    }

    @Test("A rejected offer is not queued: it is never processed")
    func rejectedIsDropped() {
        let (queue, clock) = makeQueue(capacity: 1, serviceTime: .milliseconds(100))
        queue.burst(1...3)
        clock.advance(to: at(1000))

        #expect(queue.processed.map(\.id) == [1, 2], "message 3 was rejected and must not be processed, but processed \(queue.processed.map(\.id))")
    }
}

@Suite("Deadlines")
struct DeadlineTests {
    @Test("A message whose deadline comes before the consumer reaches it is dropped, costing no time")
    func expiredDropped() {
        let (queue, clock) = makeQueue(serviceTime: .milliseconds(100))
        #expect(queue.offer(id: 1, deadline: never) == .accepted, "the queue has room, so the offer should be accepted")
        #expect(queue.offer(id: 2, deadline: at(50)) == .accepted, "the queue has room, so the offer should be accepted")
        #expect(queue.offer(id: 3, deadline: at(100)) == .accepted, "the queue has room, so the offer should be accepted")
        #expect(queue.offer(id: 4, deadline: at(101)) == .accepted, "the queue has room, so the offer should be accepted")
        #expect(queue.offer(id: 5, deadline: never) == .accepted, "the queue has room, so the offer should be accepted")
        clock.advance(to: at(1000))

        #expect(queue.expired == [2, 3], "2 expired at 50 ms and 3 exactly at 100 ms, before the consumer was free, but expired is \(queue.expired)")
        #expect(queue.processed == [Processed(id: 1, startedAt: at(0)), Processed(id: 4, startedAt: at(100)), Processed(id: 5, startedAt: at(200))],
                "dropping costs no time, so 4 starts at 100 ms (1 ms before its deadline) and 5 at 200 ms, but processed is \(queue.processed)")
        #expect(queue.stats == LevelingStats(accepted: 5, expired: 2, processed: 3), "stats should count 2 expired and 3 processed, but are \(queue.stats)")
    }

    @Test("An expired message holds its place until the consumer reaches it")
    func expiredHoldsPlace() {
        let (queue, clock) = makeQueue(capacity: 2, serviceTime: .milliseconds(100))
        #expect(queue.offer(id: 1, deadline: never) == .accepted, "the queue has room, so the offer should be accepted")
        #expect(queue.offer(id: 2, deadline: at(10)) == .accepted, "the queue has room, so the offer should be accepted")
        #expect(queue.offer(id: 3, deadline: never) == .accepted, "the queue has room, so the offer should be accepted")

        clock.advance(to: at(20))
        let whileFull = queue.offer(id: 4, deadline: never)
        #expect(whileFull == .rejected(retryAfter: .milliseconds(80)),
                "message 2 has expired but the consumer has not reached it, so the queue is still full, but the answer was \(whileFull)")
        #expect(queue.expired.isEmpty, "nothing is dropped before the consumer gets there, but expired is \(queue.expired)")

        clock.advance(to: at(100))
        #expect(queue.expired == [2], "at 100 ms the consumer drops message 2, but expired is \(queue.expired)")
        #expect(queue.processed.last == Processed(id: 3, startedAt: at(100)),
                "and starts message 3 at once, but the last processed is \(String(describing: queue.processed.last))")
        #expect(queue.depth == 0, "nothing should be waiting, but depth is \(queue.depth)")
    }

    @Test("A message already past its deadline when offered is accepted, then dropped unprocessed")
    func deadOnArrival() {
        let (queue, clock) = makeQueue()
        clock.advance(to: at(500))

        let answer = queue.offer(id: 1, deadline: at(500))

        #expect(answer == .accepted, "the queue does not judge deadlines on the way in, so it should accept, but answered \(answer)")
        #expect(queue.expired == [1] && queue.processed.isEmpty,
                "a deadline equal to the start time has passed, so the message is dropped, but expired \(queue.expired), processed \(queue.processed)")
        #expect(queue.stats == LevelingStats(accepted: 1, expired: 1), "one accepted and expired, but stats are \(queue.stats)")
    }
}

@Suite("Bursty producers")
struct BurstyProducerTests {
    @Test("Over a minute of seeded bursts the consumer keeps its pace and every message is accounted for")
    func seededBursts() {
        let (queue, clock) = makeQueue(capacity: 20, serviceTime: .milliseconds(50))
        var random = SeededRandom(seed: 9)
        var arrivals: [Int: VirtualClock.Instant] = [:]
        var deadlines: [Int: VirtualClock.Instant] = [:]
        var answers: [Offer] = []
        var nextID = 0

        // Every 500 ms a burst of 0 to 25 messages, each good for 0.2 to 2 s: on average a little
        // under the consumer's 10 messages per 500 ms, but the bursts overflow the queue.
        for _ in 0..<120 {
            for _ in 0..<Int.random(in: 0...25, using: &random) {
                nextID += 1
                let ttl = Duration.milliseconds(Int.random(in: 200...2000, using: &random))
                arrivals[nextID] = clock.now
                deadlines[nextID] = clock.now + ttl
                answers.append(queue.offer(id: nextID, deadline: clock.now + ttl))
            }
            clock.advance(by: .milliseconds(500))
        }
        clock.advance(by: .seconds(10))

        let stats = queue.stats
        let processed = queue.processed
        #expect(stats.rejected > 0 && stats.expired > 0 && stats.processed > 500,
                "the bursts should overflow the queue, expire some messages and process many, but stats are \(stats)")
        #expect(stats.accepted + stats.rejected == nextID, "every offer is accepted or rejected, but stats are \(stats) for \(nextID) offers")
        #expect(stats.accepted == stats.processed + stats.expired,
                "after the queue drains every accepted message is processed or expired, but stats are \(stats)")
        #expect(answers.filter { $0 == .accepted }.count == stats.accepted, "the answers and the accepted count disagree: \(stats)")
        #expect(processed.count == stats.processed && queue.expired.count == stats.expired,
                "the processed and expired lists should match the counts, but have \(processed.count) and \(queue.expired.count)")

        let handledInOrder = (processed.map(\.id) + queue.expired).sorted()
        #expect(handledInOrder.count == Set(handledInOrder).count, "no message may be handled twice")
        #expect(processed.map(\.id) == processed.map(\.id).sorted(), "the consumer must take messages oldest first")
        let late = processed.filter { $0.startedAt >= deadlines[$0.id]! }
        #expect(late.isEmpty, "no message may be processed at or after its deadline, but these were: \(late.prefix(3))")
        for (previous, next) in zip(processed, processed.dropFirst()) {
            let gap = next.startedAt - previous.startedAt
            #expect(gap >= .milliseconds(50), "message \(next.id) started \(gap) after \(previous.id), less than the 50 ms service time")
            if gap > .milliseconds(50) {
                #expect(next.startedAt == arrivals[next.id],
                        "the consumer idled \(gap) before \(next.id), so it must have started the moment \(next.id) arrived, but it arrived at \(String(describing: arrivals[next.id]))")
            }
        }
    }
}
