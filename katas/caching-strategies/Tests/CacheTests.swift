import CachingKata
import KataHarness
import Testing

/// Collects what each `get` delivered, in delivery order.
private final class Answers {
    private(set) var received: [String] = []

    func record(_ label: String) -> Cache<String>.Delivery {
        { result in
            switch result {
            case let .success(value?): self.received.append("\(label)=\(value)")
            case .success(nil): self.received.append("\(label)=nil")
            case let .failure(error): self.received.append("\(label)=error(\(error.message))")
            }
        }
    }
}

private func makeCache(rows: [String: String] = ["k": "v1"], ttl: Duration = .seconds(10), negativeTTL: Duration = .seconds(2))
    -> (Cache<String>, Backend<String>, VirtualClock, Answers)
{
    let backend = Backend(rows: rows)
    let clock = VirtualClock()
    return (Cache(backend: backend, clock: clock, ttl: ttl, negativeTTL: negativeTTL), backend, clock, Answers())
}

@Suite("Caching: cache-aside with single flight, negative caching and invalidation")
struct CacheTests {
    @Test("A miss loads from the backend and delivers when the load finishes; the next get is a hit")
    func missThenHit() {
        let (cache, backend, _, answers) = makeCache()
        cache.get("k", deliver: answers.record("first"))
        #expect(answers.received.isEmpty, "a miss delivered \(answers.received) before the backend answered")
        #expect(backend.pendingLoads == ["k"], "a miss should start one load of k, started \(backend.loadsStarted)")
        backend.finishLoad("k")
        cache.get("k", deliver: answers.record("second"))
        #expect(answers.received == ["first=v1", "second=v1"], "delivered \(answers.received) instead of [first=v1, second=v1]")
        #expect(backend.loadsStarted == ["k"], "a fresh entry still went to the backend: loads \(backend.loadsStarted)")
    }

    @Test("An entry is fresh until exactly ttl after its load finished, then expires")
    func ttlBoundary() {
        for ttl in [Duration.seconds(10), .seconds(3)] {
            let (cache, backend, clock, answers) = makeCache(ttl: ttl)
            cache.get("k", deliver: answers.record("a"))
            clock.advance(by: .seconds(5))                 // the load takes 5 s; the TTL starts when it ends
            backend.finishLoad("k")
            clock.advance(by: ttl - .milliseconds(1))
            cache.get("k", deliver: answers.record("b"))
            #expect(backend.loadsStarted.count == 1, "with ttl \(ttl), 1 ms before expiry the entry was reloaded (\(backend.loadsStarted.count) loads): is the TTL counted from the load's start?")
            clock.advance(by: .milliseconds(1))
            cache.get("k", deliver: answers.record("c"))
            #expect(backend.loadsStarted.count == 2, "with ttl \(ttl), at exactly ttl after the load the entry was still served (\(backend.loadsStarted.count) loads instead of 2)")
            backend.finishLoad("k")
            #expect(answers.received == ["a=v1", "b=v1", "c=v1"], "delivered \(answers.received)")
        }
    }

    @Test("Single flight: concurrent misses for one key cause one load, and every caller gets its result in order")
    func singleFlight() {
        let (cache, backend, _, answers) = makeCache(rows: ["k": "v1", "other": "o"])
        for caller in 1...5 { cache.get("k", deliver: answers.record("c\(caller)")) }
        cache.get("other", deliver: answers.record("x"))
        #expect(backend.loadsStarted == ["k", "other"], "five misses for k and one for other started loads \(backend.loadsStarted) instead of [k, other]")
        backend.finishLoad("k")
        #expect(answers.received == ["c1=v1", "c2=v1", "c3=v1", "c4=v1", "c5=v1"], "after k's one load, the callers got \(answers.received)")
        backend.finishLoad("other")
        #expect(answers.received.last == "x=o", "the other key's caller got \(answers.received.last ?? "nothing")")
    }

    @Test("After an entry expires, a new stampede again causes exactly one load")
    func singleFlightAfterExpiry() {
        let (cache, backend, clock, answers) = makeCache(ttl: .seconds(4))
        cache.get("k", deliver: answers.record("a"))
        backend.finishLoad("k")
        backend.write("k", "v2")                           // changed behind the cache's back
        clock.advance(by: .seconds(4))
        for caller in 1...3 { cache.get("k", deliver: answers.record("b\(caller)")) }
        #expect(backend.loadsStarted == ["k", "k"], "three misses after expiry started \(backend.loadsStarted.count - 1) loads instead of 1")
        backend.finishLoad("k")
        cache.get("k", deliver: answers.record("c"))
        #expect(answers.received == ["a=v1", "b1=v2", "b2=v2", "b3=v2", "c=v2"], "delivered \(answers.received)")
        #expect(backend.loadsStarted.count == 2, "the value loaded after expiry was not cached: \(backend.loadsStarted.count) loads")
    }

    @Test("A missing key is cached as absent for negativeTTL, not for ttl")
    func negativeCaching() {
        for negativeTTL in [Duration.seconds(2), .seconds(5)] {
            let (cache, backend, clock, answers) = makeCache(rows: ["k": "v1"], ttl: .seconds(10), negativeTTL: negativeTTL)
            cache.get("ghost", deliver: answers.record("a"))
            backend.finishLoad("ghost")
            clock.advance(by: negativeTTL - .milliseconds(1))
            cache.get("ghost", deliver: answers.record("b"))
            #expect(answers.received == ["a=nil", "b=nil"], "a missing key delivered \(answers.received) instead of nil twice")
            #expect(backend.loadsStarted == ["ghost"], "within negativeTTL \(negativeTTL) the missing key was loaded again: \(backend.loadsStarted)")
            clock.advance(by: .milliseconds(1))
            cache.get("ghost", deliver: answers.record("c"))
            #expect(backend.loadsStarted == ["ghost", "ghost"], "at exactly negativeTTL \(negativeTTL) the absent entry should expire; loads were \(backend.loadsStarted)")
        }
    }

    @Test("Concurrent misses for a missing key also share one load")
    func negativeSingleFlight() {
        let (cache, backend, _, answers) = makeCache()
        for caller in 1...3 { cache.get("ghost", deliver: answers.record("c\(caller)")) }
        #expect(backend.loadsStarted == ["ghost"], "three misses for a missing key started \(backend.loadsStarted)")
        backend.finishLoad("ghost")
        #expect(answers.received == ["c1=nil", "c2=nil", "c3=nil"], "delivered \(answers.received)")
    }

    @Test("A failed load is not cached: every waiter gets the error and the next get loads again")
    func failureNotCached() {
        let (cache, backend, _, answers) = makeCache()
        cache.get("k", deliver: answers.record("a"))
        cache.get("k", deliver: answers.record("b"))
        backend.failLoad("k", BackendError("timeout"))
        #expect(answers.received == ["a=error(timeout)", "b=error(timeout)"], "both waiters should get the error, got \(answers.received)")
        cache.get("k", deliver: answers.record("c"))
        #expect(backend.loadsStarted == ["k", "k"], "after a failed load the next get should load again, loads were \(backend.loadsStarted)")
        backend.finishLoad("k")
        #expect(answers.received.last == "c=v1", "the retry delivered \(answers.received.last ?? "nothing") instead of c=v1")
    }

    @Test("A write goes to the backend and deletes the cached entry, so the next get loads the new value")
    func invalidationOnWrite() {
        let (cache, backend, _, answers) = makeCache()
        cache.get("k", deliver: answers.record("a"))
        backend.finishLoad("k")
        cache.write("k", "v2")
        #expect(backend.rows["k"] == "v2", "the write did not reach the backend: row is \(backend.rows["k"] ?? "nil")")
        #expect(backend.loadsStarted == ["k"], "a write must not load: loads \(backend.loadsStarted)")
        cache.get("k", deliver: answers.record("b"))
        #expect(backend.loadsStarted == ["k", "k"], "the get after a write was served from the cache instead of loading: loads \(backend.loadsStarted)")
        backend.finishLoad("k")
        #expect(answers.received == ["a=v1", "b=v2"], "delivered \(answers.received) instead of [a=v1, b=v2]")
    }

    @Test("A write also deletes a cached absence, so a key just created is found at once")
    func writeClearsNegativeEntry() {
        let (cache, backend, _, answers) = makeCache(rows: [:], negativeTTL: .seconds(60))
        cache.get("new", deliver: answers.record("a"))
        backend.finishLoad("new")
        cache.write("new", "born")
        cache.get("new", deliver: answers.record("b"))
        backend.finishLoad("new")
        #expect(answers.received == ["a=nil", "b=born"], "delivered \(answers.received): the cached absence outlived the write that created the key")
    }

    @Test("The race delete-after-write leaves: a load that read before the write puts the old value back until its TTL")
    func invalidationRace() {
        for ttl in [Duration.seconds(10), .seconds(30)] {
            let (cache, backend, clock, answers) = makeCache(ttl: ttl)
            cache.get("k", deliver: answers.record("reader"))  // miss: the load reads v1…
            cache.write("k", "v2")                             // …the write lands and deletes (nothing yet)…
            backend.finishLoad("k")                            // …and then the load's v1 is stored
            clock.advance(by: ttl - .milliseconds(1))
            cache.get("k", deliver: answers.record("later"))
            #expect(answers.received == ["reader=v1", "later=v1"], "with ttl \(ttl) delivered \(answers.received): the stale v1 is served from the cache until its TTL ends (the race, documented)")
            clock.advance(by: .milliseconds(1))
            cache.get("k", deliver: answers.record("after-ttl"))
            backend.finishLoad("k")
            #expect(answers.received.last == "after-ttl=v2", "after the TTL the cache should load v2, delivered \(answers.received.last ?? "nothing")")
        }
    }
}
