import KataHarness
import RedundancyKata
import Testing

/// A replica's one reply: `version` of value "v<version>" after `ms`.
func holding(_ name: String, _ clock: VirtualClock, version: Int, after ms: Int) -> Replica<Versioned<String>> {
    scripted(name, clock, [.value(Versioned(version: version, value: "v\(version)"), after: .ms(ms))])
}

func failing(_ name: String, _ clock: VirtualClock, after ms: Int) -> Replica<Versioned<String>> {
    scripted(name, clock, [.failure(.serverError(code: 500), after: .ms(ms))])
}

@Suite("k-of-n reads")
struct QuorumReaderTests {
    @Test("A read sends to every replica at once and answers at the k-th success with the newest of those k")
    func answersAtKthSuccess() throws {
        let clock = VirtualClock()
        let replicas = [
            holding("A", clock, version: 1, after: 10),
            holding("B", clock, version: 3, after: 40),
            holding("C", clock, version: 2, after: 30),
        ]
        let read = try QuorumReader(replicas: replicas, clock: clock).read(k: 2)

        #expect(replicas.allSatisfy { sends($0) == [.ms(0)] }, "every replica should be asked at t+0, got \(replicas.map { sends($0) })")
        #expect(read.repliedBy == ["A", "C"], "the first two replies are A (10 ms) and C (30 ms), got \(read.repliedBy)")
        #expect(read.newest.version == 2 && read.newest.value == "v2",
                "the newest of A's v1 and C's v2 is v2 (B's v3 was not waited for), got v\(read.newest.version)")
        #expect(clock.now == .ms(30), "the read should return at the 2nd reply (t+30 ms), but the clock is at \(clock.now)")
        #expect(cancels(replicas[1]) == [.ms(30)], "B's outstanding request should be cancelled at 30 ms, got \(cancels(replicas[1]))")
        #expect(cancels(replicas[0]) == [nil] && cancels(replicas[2]) == [nil], "replies that arrived must not be cancelled")
    }

    @Test("k = n waits for every replica; k = 1 takes the first reply")
    func extremesOfK() throws {
        let clock = VirtualClock()
        let all = [holding("A", clock, version: 1, after: 10), holding("B", clock, version: 3, after: 40), holding("C", clock, version: 2, after: 30)]
        let everyone = try QuorumReader(replicas: all, clock: clock).read(k: 3)
        #expect(everyone.newest.version == 3 && everyone.repliedBy == ["A", "C", "B"] && clock.now == .ms(40),
                "k = 3 should wait for all three (until 40 ms) and return v3; got v\(everyone.newest.version) from \(everyone.repliedBy) at \(clock.now)")

        let start = clock.now
        let some = [holding("A", clock, version: 5, after: 25), holding("B", clock, version: 1, after: 15), holding("C", clock, version: 9, after: 60)]
        let first = try QuorumReader(replicas: some, clock: clock).read(k: 1)
        #expect(first.newest.version == 1 && first.repliedBy == ["B"] && clock.now == start + .ms(15),
                "k = 1 should return the first reply, B's v1 at +15 ms; got v\(first.newest.version) from \(first.repliedBy) at \(clock.now)")
    }

    @Test("Replies are taken in arrival order and the newest version wins, wherever it lands")
    func newestAmongManyReplies() throws {
        let clock = VirtualClock()
        let replicas = [
            holding("A", clock, version: 4, after: 70),
            holding("B", clock, version: 2, after: 20),
            holding("C", clock, version: 7, after: 50),
            holding("D", clock, version: 3, after: 10),
            holding("E", clock, version: 6, after: 30),
            holding("F", clock, version: 8, after: 90),
            holding("G", clock, version: 5, after: 60),
        ]
        let read = try QuorumReader(replicas: replicas, clock: clock).read(k: 5)

        #expect(read.repliedBy == ["D", "B", "E", "C", "G"], "the first five replies by arrival are D B E C G, got \(read.repliedBy)")
        #expect(read.newest.version == 7, "the newest among the first five is C's v7, got v\(read.newest.version)")
        #expect(clock.now == .ms(60), "the 5th reply arrives at 60 ms, but the clock is at \(clock.now)")
        #expect(cancels(replicas[0]) == [.ms(60)] && cancels(replicas[5]) == [.ms(60)],
                "A and F are still outstanding at 60 ms and should be cancelled then; got A \(cancels(replicas[0])), F \(cancels(replicas[5]))")
    }

    @Test("Ties: equal versions keep the earlier reply; replies at the same instant go in replica order")
    func ties() throws {
        let clock = VirtualClock()
        let equal = [
            scripted("A", clock, [.value(Versioned(version: 2, value: "from A"), after: .ms(20))]),
            scripted("B", clock, [.value(Versioned(version: 2, value: "from B"), after: .ms(10))]),
        ]
        let read = try QuorumReader(replicas: equal, clock: clock).read(k: 2)
        #expect(read.newest.value == "from B", "A and B both hold v2; B replied first and should be kept, got \(read.newest.value)")

        let simultaneous = [holding("A", clock, version: 1, after: 10), holding("B", clock, version: 1, after: 10)]
        let first = try QuorumReader(replicas: simultaneous, clock: clock).read(k: 1)
        #expect(first.repliedBy == ["A"], "A and B reply at the same instant; A comes first in replica order, got \(first.repliedBy)")
    }

    @Test("Up to n - k failures are tolerated; one more ends the read at once and cancels the rest")
    func failuresEndTheRead() throws {
        let clock = VirtualClock()
        let tolerable = [failing("A", clock, after: 10), holding("B", clock, version: 1, after: 20), holding("C", clock, version: 2, after: 30)]
        let read = try QuorumReader(replicas: tolerable, clock: clock).read(k: 2)
        #expect(read.repliedBy == ["B", "C"] && read.newest.version == 2,
                "one failure of three still leaves 2 successes for k = 2; got \(read.repliedBy), v\(read.newest.version)")

        let start = clock.now
        let fatal = [failing("A", clock, after: 10), failing("B", clock, after: 20), holding("C", clock, version: 1, after: 50), holding("D", clock, version: 1, after: 5)]
        #expect(throws: QuorumError.unreachable(succeeded: 1, failed: 2),
                "k = 3 of 4 is impossible once 2 have failed; the read should give up with 1 success and 2 failures") {
            try QuorumReader(replicas: fatal, clock: clock).read(k: 3)
        }
        #expect(clock.now == start + .ms(20), "the read should give up at the 2nd failure (+20 ms), not wait for C; the clock is at \(clock.now)")
        #expect(cancels(fatal[2]) == [start + .ms(20)], "C's outstanding request should be cancelled at the give-up, got \(cancels(fatal[2]))")
    }

    @Test("A quorum k outside 1...n is refused without sending anything")
    func invalidQuorum() throws {
        let clock = VirtualClock()
        let replicas = [holding("A", clock, version: 1, after: 10), holding("B", clock, version: 1, after: 10), holding("C", clock, version: 1, after: 10)]
        let reader = QuorumReader(replicas: replicas, clock: clock)

        #expect(throws: QuorumError.invalidQuorum(k: 0, replicas: 3), "k = 0 is not a quorum") { try reader.read(k: 0) }
        #expect(throws: QuorumError.invalidQuorum(k: 4, replicas: 3), "k = 4 of 3 replicas is not a quorum") { try reader.read(k: 4) }
        #expect(replicas.allSatisfy { $0.attempts.isEmpty }, "a refused read must not send, but sends were \(replicas.map { sends($0) })")
        let all = try reader.read(k: 3)
        #expect(all.repliedBy == ["A", "B", "C"], "k = n = 3 is a valid quorum and should read all three, got \(all.repliedBy)")
    }
}
