import KataHarness
import StatelessKata
import Testing

@Suite("Stateless cart instances")
struct CartInstanceTests {
    let clock = VirtualClock()

    @Test("Any instance serves any request: a cart built across three instances is the same from each")
    func anyInstance() throws {
        let store = SessionStore(clock: clock)
        let instances = (1...3).map { CartInstance(name: "cart-\($0)", backend: store) }
        var expected: Cart = [:]
        for (step, sku) in ["book", "pen", "book", "cup", "pen", "book", "lamp"].enumerated() {
            let served = try instances[step % 3].add(step + 1, of: sku, session: "s1")
            expected[sku, default: 0] += step + 1
            #expect(served == expected, "request \(step + 1) on \(instances[step % 3].name) should return \(expected), got \(served)")
        }
        _ = try instances[1].remove("pen", session: "s1")
        expected["pen"] = nil
        for instance in instances {
            #expect(instance.cart(session: "s1") == expected, "\(instance.name) should see the shared cart \(expected), got \(instance.cart(session: "s1"))")
        }
        #expect(store.read("s1")?.version == 8, "7 adds and 1 remove are 8 writes, version 8; got \(String(describing: store.read("s1")))")
    }

    @Test("An instance never answers from memory: it sees what another instance wrote since")
    func noLocalState() throws {
        let store = SessionStore(clock: clock)
        let a = CartInstance(name: "a", backend: store), b = CartInstance(name: "b", backend: store)
        _ = try a.add(1, of: "book", session: "s1")
        #expect(a.cart(session: "s1") == ["book": 1], "a should read its own write")
        _ = try b.add(2, of: "pen", session: "s1")
        _ = try b.remove("book", session: "s1")
        #expect(a.cart(session: "s1") == ["pen": 2], "a must see b's writes, got \(a.cart(session: "s1"))")
        let next = try a.add(1, of: "cup", session: "s1")
        #expect(next == ["pen": 2, "cup": 1], "a's next add must build on b's cart, got \(next)")
    }

    @Test("Killing every instance loses no session")
    func instancesAreDisposable() throws {
        let store = SessionStore(clock: clock)
        var fleet = [CartInstance(name: "a", backend: store), CartInstance(name: "b", backend: store)]
        for n in 1...10 { _ = try fleet[n % 2].add(n, of: "sku-\(n % 3)", session: "s\(n % 4)") }
        let before = (0..<4).map { fleet[0].cart(session: "s\($0)") }
        #expect(before.allSatisfy { !$0.isEmpty }, "every session should have a cart before the restart, got \(before)")
        fleet = [CartInstance(name: "c", backend: store), CartInstance(name: "d", backend: store), CartInstance(name: "e", backend: store)]
        for instance in fleet {
            let after = (0..<4).map { instance.cart(session: "s\($0)") }
            #expect(after == before, "new instance \(instance.name) should see every cart as before: \(before), got \(after)")
        }
    }

    @Test("A conflicting write is retried on fresh data, so concurrent adds to one cart both survive")
    func concurrentAddsSurvive() throws {
        let store = SessionStore(clock: clock)
        let racingBackend = InterleavingBackend(store)
        let a = CartInstance(name: "a", backend: racingBackend), b = CartInstance(name: "b", backend: store)
        _ = try b.add(1, of: "book", session: "s1")
        racingBackend.afterRead = { read in
            if read == 1 { _ = try? b.add(1, of: "pen", session: "s1") }   // b writes between a's read and a's write
        }
        let served = try a.add(2, of: "cup", session: "s1")
        #expect(served == ["book": 1, "pen": 1, "cup": 2], "a's add must keep b's pen: expected book, pen and cup, got \(served)")
        #expect(racingBackend.writes == [.conflict(current: 2), .written(version: 3)],
                "a's first write should meet b's version 2 and the retry succeed as 3; got \(racingBackend.writes)")
        #expect(racingBackend.reads == 2, "a should read again after the conflict, 2 reads in all, got \(racingBackend.reads)")
        #expect(store.read("s1")?.cart == served, "the store should hold what a returned, got \(String(describing: store.read("s1")))")
    }

    @Test("Concurrent adds of the same SKU add up, and a concurrent remove is not undone")
    func concurrentSameSKU() throws {
        let store = SessionStore(clock: clock)
        let racingBackend = InterleavingBackend(store)
        let a = CartInstance(name: "a", backend: racingBackend), b = CartInstance(name: "b", backend: store)
        _ = try b.add(1, of: "book", session: "s1")
        _ = try b.add(1, of: "pen", session: "s1")
        racingBackend.afterRead = { read in
            if read == 1 { _ = try? b.add(3, of: "book", session: "s1") }
            if read == 2 { _ = try? b.remove("pen", session: "s1") }
        }
        let served = try a.add(2, of: "book", session: "s1")
        #expect(served == ["book": 6], "1 + 3 + 2 books, and b's removal of the pen kept: expected [book: 6], got \(served)")
        #expect(racingBackend.writes.count == 3, "two conflicts then a success: 3 writes, got \(racingBackend.writes)")
    }

    @Test("An instance gives up after maxAttempts conflicting writes and changes nothing", arguments: [3, 1, 5])
    func givesUp(maxAttempts: Int) {
        let store = SessionStore(clock: clock)
        let racingBackend = InterleavingBackend(store)
        let other = CartInstance(name: "other", backend: store)
        // Spring Retry's default maxAttempts, 3, is the default here.
        let a = maxAttempts == 3 ? CartInstance(name: "a", backend: racingBackend) : CartInstance(name: "a", backend: racingBackend, maxAttempts: maxAttempts)
        #expect(a.maxAttempts == maxAttempts, "maxAttempts should be \(maxAttempts), got \(a.maxAttempts)")
        racingBackend.afterRead = { _ in _ = try? other.add(1, of: "pen", session: "s1") }     // someone always wins the race
        let outcome = Outcome { () throws(CartError) in try a.add(1, of: "book", session: "s1") }
        #expect(outcome == .failed(.contended(attempts: maxAttempts)), "losing every race, a should give up as contended after \(maxAttempts); got \(outcome)")
        #expect(racingBackend.writes.count == maxAttempts && racingBackend.writes.allSatisfy { if case .conflict = $0 { true } else { false } },
                "a should have tried exactly \(maxAttempts) writes, all conflicts; got \(racingBackend.writes)")
        #expect(store.read("s1")?.cart == ["pen": maxAttempts], "the cart holds only the winners' \(maxAttempts) pens, got \(String(describing: store.read("s1")))")

        racingBackend.afterRead = nil
        let calm = Outcome { () throws(CartError) in try a.add(1, of: "book", session: "s1") }
        #expect(calm == .cart(["pen": maxAttempts, "book": 1]), "with no race the same request succeeds at once, got \(calm)")
    }

    @Test("A change to an expired session starts from an empty cart")
    func expiredSessionStartsEmpty() throws {
        let store = SessionStore(clock: clock, idleTimeout: .seconds(600))
        let a = CartInstance(name: "a", backend: store)
        _ = try a.add(2, of: "book", session: "s1")
        clock.advance(to: at(s: 599))
        #expect(a.cart(session: "s1") == ["book": 2], "within the idle timeout the cart is there")
        clock.advance(to: at(s: 599 + 600))
        #expect(a.cart(session: "s1") == [:], "600 s after the last access the cart has expired, got \(a.cart(session: "s1"))")
        let fresh = try a.add(1, of: "pen", session: "s1")
        #expect(fresh == ["pen": 1], "an add to the expired session starts a new, empty cart, got \(fresh)")
    }

    @Test("Over seeded races between three instances no write is lost")
    func randomRaces() {
        for seed in UInt64(1)...200 {
            if let failure = checkRandomRaces(seed: seed) {
                Issue.record("seed \(seed): \(failure)")
                return
            }
        }
    }

    /// Three instances, each behind its own interleaving backend, make seeded adds and removes on
    /// two sessions; after a read, another instance may run a whole request first (and so on, two
    /// deep). Every request that succeeds is applied to a model in the order it finished; the
    /// store and every answer must match it. Now and then a session idles past its timeout.
    private func checkRandomRaces(seed: UInt64) -> String? {
        var random = SeededRandom(seed: seed)
        let clock = VirtualClock()
        let idle = Duration.seconds(600)
        let store = SessionStore(clock: clock, idleTimeout: idle)
        let backends = (0..<3).map { _ in InterleavingBackend(store) }
        let instances = backends.enumerated().map { CartInstance(name: "i\($0.offset)", backend: $0.element, maxAttempts: Int.random(in: 1...4, using: &random)) }
        var model: [String: Cart] = [:]
        var failure: String?
        var depth = 0
        var succeeded = 0

        func request() {
            let instance = instances.randomElement(using: &random)!
            let session = Bool.random(using: &random) ? "s1" : "s2"
            let sku = ["book", "pen", "cup"].randomElement(using: &random)!
            let quantity = Int.random(in: 1...3, using: &random)
            let removing = Int.random(in: 0..<4, using: &random) == 0
            let outcome = Outcome { () throws(CartError) in
                try removing ? instance.remove(sku, session: session) : instance.add(quantity, of: sku, session: session)
            }
            guard case .cart(let cart) = outcome else { return }        // contended: nothing changed
            succeeded += 1
            var expected = model[session] ?? [:]
            if removing { expected[sku] = nil } else { expected[sku, default: 0] += quantity }
            model[session] = expected
            if cart != expected && failure == nil {
                failure = "\(instance.name) \(removing ? "removed \(sku)" : "added \(quantity) \(sku)") in \(session) and returned \(cart), expected \(expected)"
            }
        }
        for backend in backends {
            backend.afterRead = { _ in
                guard depth < 2, Int.random(in: 0..<3, using: &random) == 0 else { return }
                depth += 1
                request()
                depth -= 1
            }
        }
        for step in 0..<150 {
            if Int.random(in: 0..<20, using: &random) == 0 {
                clock.advance(by: idle)
                model = [:]
            } else {
                clock.advance(by: .seconds(Int.random(in: 0...30, using: &random)))
            }
            request()
            if let failure { return "step \(step): \(failure)" }
            for session in ["s1", "s2"] where (store.read(session)?.cart ?? [:]) != (model[session] ?? [:]) {
                return "step \(step): the store holds \(String(describing: store.read(session))) for \(session), expected \(model[session] ?? [:])"
            }
        }
        let conflicts = backends.flatMap(\.writes).filter { if case .conflict = $0 { true } else { false } }.count
        if succeeded < 100 || conflicts == 0 {
            return "only \(succeeded) of 150+ requests succeeded and \(conflicts) writes met a conflict: the races were never run"
        }
        return nil
    }
}
