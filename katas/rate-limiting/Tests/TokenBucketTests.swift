import KataHarness
import RateLimitingKata
import Testing

// Rates and intervals are powers of two (2 tokens/s, 250 ms steps) so that every level and every
// Retry-After in these tests is exact in floating point.

/// Spends tokens until the bucket says no; returns how many requests passed.
private func drain(_ bucket: TokenBucket, limit: Int = 1_000) -> Int {
    var allowed = 0
    while allowed < limit, bucket.acquire() == .allowed {
        allowed += 1
    }
    return allowed
}

@Suite("Rate limiting: token bucket")
struct TokenBucketTests {
    @Test("A fresh bucket allows a burst of exactly its capacity, then limits")
    func burstOfCapacity() {
        let clock = VirtualClock()
        let bucket = TokenBucket(capacity: 5, refillPerSecond: 2, clock: clock)

        let allowed = drain(bucket)

        #expect(allowed == 5, "a fresh bucket of capacity 5 let \(allowed) requests through at once instead of exactly 5: does it start full, and does it refuse once empty?")
        #expect(bucket.tokens == 0, "after spending all 5 tokens the bucket reported \(bucket.tokens) tokens instead of 0")
    }

    @Test("Tokens refill continuously, fractions of a token included")
    func fractionalRefill() {
        let clock = VirtualClock()
        let bucket = TokenBucket(capacity: 4, refillPerSecond: 2, clock: clock)
        _ = drain(bucket)

        clock.advance(by: .milliseconds(250))
        #expect(bucket.tokens == 0.5, "250 ms at 2 tokens/s should earn exactly half a token, but the bucket reported \(bucket.tokens) (is the elapsed time or the level rounded?)")
        #expect(bucket.acquire() != .allowed, "a request costing 1 was allowed with only half a token in the bucket")

        clock.advance(by: .milliseconds(250))
        #expect(
            bucket.acquire() == .allowed,
            "two quarter-second gaps earn a whole token: the partial token from the first gap was lost (elapsed time or level rounded down?)"
        )

        // A steady trickle, one request every 500 ms, must pass every time at 2 tokens/s.
        var trickle = 0
        for _ in 0..<8 {
            clock.advance(by: .milliseconds(500))
            if bucket.acquire() == .allowed { trickle += 1 }
        }
        #expect(trickle == 8, "a steady request every 500 ms at 2 tokens/s was limited: only \(trickle) of 8 passed")
    }

    @Test("An idle bucket fills up to its capacity and no further")
    func capacityCapsRefill() {
        let clock = VirtualClock()
        let bucket = TokenBucket(capacity: 3, refillPerSecond: 2, clock: clock)
        _ = drain(bucket)

        clock.advance(by: .seconds(3_600))

        #expect(bucket.tokens == 3, "after an hour idle the bucket reported \(bucket.tokens) tokens: the refill must stop at the capacity of 3")
        #expect(drain(bucket) == 3, "after a long idle spell the burst was not exactly the capacity of 3: tokens piled up past it, or the bucket did not refill")
    }

    @Test("A rejected request does not spend tokens")
    func rejectionIsFree() {
        let clock = VirtualClock()
        let bucket = TokenBucket(capacity: 2, refillPerSecond: 2, clock: clock)
        _ = drain(bucket)

        // An impatient client hammers the limiter every 125 ms; every attempt is refused.
        for _ in 0..<3 {
            clock.advance(by: .milliseconds(125))
            #expect(bucket.acquire() != .allowed, "a request was allowed although less than one token had been earned since the bucket was emptied")
        }
        clock.advance(by: .milliseconds(125))

        #expect(bucket.tokens == 1, "after 500 ms at 2 tokens/s the bucket reported \(bucket.tokens) tokens instead of 1: refused requests spent tokens")
        #expect(bucket.acquire() == .allowed, "the token earned while the client was being refused was gone: a limited request must spend nothing")
    }

    @Test("Time is counted once: back-to-back calls do not refill twice")
    func elapsedTimeCountedOnce() {
        let clock = VirtualClock()
        let bucket = TokenBucket(capacity: 1, refillPerSecond: 1, clock: clock)
        #expect(bucket.acquire() == .allowed, "a fresh bucket of capacity 1 refused its first request")

        clock.advance(by: .milliseconds(500))
        #expect(bucket.acquire() != .allowed, "a request was allowed after half a second at 1 token/s, which is only half a token")
        clock.advance(by: .milliseconds(500))
        #expect(bucket.acquire() == .allowed, "a request was refused after a full second at 1 token/s, which earns a whole token")

        #expect(
            bucket.acquire() != .allowed,
            "no time passed since the last request, yet it was allowed: the refill credited the same seconds twice (is the refill timestamp moved forward on every call?)"
        )
        #expect(bucket.tokens == 0, "right after spending its only token the bucket reported \(bucket.tokens) tokens instead of 0")
    }

    @Test("Retry-After says exactly how long until the request would pass")
    func retryAfterIsExact() {
        let clock = VirtualClock()
        let bucket = TokenBucket(capacity: 4, refillPerSecond: 2, clock: clock)
        _ = drain(bucket)
        clock.advance(by: .milliseconds(250)) // half a token earned

        let decision = bucket.acquire()

        #expect(
            decision == .limited(retryAfter: .milliseconds(250)),
            "expected limited(retryAfter: 250 ms) — half a token short at 2 tokens/s — but got \(decision): only the missing part has to refill"
        )
        clock.advance(by: .milliseconds(250))
        #expect(bucket.acquire() == .allowed, "the request was refused again after waiting the Retry-After the bucket itself gave")
    }

    @Test("A request that costs several tokens waits until all of them are there")
    func weightedRequest() {
        let clock = VirtualClock()
        let bucket = TokenBucket(capacity: 4, refillPerSecond: 2, clock: clock)
        #expect(bucket.acquire(cost: 3) == .allowed, "a full bucket of 4 refused a request costing 3")
        clock.advance(by: .milliseconds(250)) // 1 + 0.5 = 1.5 tokens

        let decision = bucket.acquire(cost: 3)

        #expect(
            decision == .limited(retryAfter: .milliseconds(750)),
            "expected limited(retryAfter: 750 ms) — 1.5 tokens short of 3 at 2 tokens/s — but got \(decision)"
        )
        #expect(bucket.tokens == 1.5, "the limited request changed the level to \(bucket.tokens); it must leave the 1.5 tokens alone")
        clock.advance(by: .milliseconds(750))
        #expect(bucket.acquire(cost: 3) == .allowed, "the request costing 3 was refused after 750 ms, when 3 tokens had been earned")
        #expect(bucket.tokens == 0, "after a request costing 3 the bucket reported \(bucket.tokens) tokens instead of 0: it must spend the full cost")
    }

    @Test("Each client has its own bucket")
    func perClientBuckets() {
        let clock = VirtualClock()
        let limiter = RateLimiter(capacity: 2, refillPerSecond: 1, clock: clock)

        let noisy = (0..<5).map { _ in limiter.acquire(client: "noisy") }
        let quiet = limiter.acquire(client: "quiet")

        #expect(noisy.filter { $0 == .allowed }.count == 2, "the noisy client should get its burst of 2 and no more, but got \(noisy)")
        #expect(quiet == .allowed, "the quiet client was limited because the noisy one used up the tokens: buckets are per client")
        #expect(
            noisy.last == .limited(retryAfter: .seconds(1)),
            "the noisy client's empty bucket at 1 token/s should say retry after 1 s, but said \(String(describing: noisy.last))"
        )
    }
}
