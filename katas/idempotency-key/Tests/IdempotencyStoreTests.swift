import IdempotencyKeyKata
import KataHarness
import Testing

/// A fake payment API: each run of the operation "charges a card" and is counted.
private final class Payments {
    private(set) var charges: [String] = []
    /// Faults to throw on the next runs, before anything is charged.
    var faults: [InjectedFault] = []

    func charge(_ request: Request) throws -> Response {
        if !faults.isEmpty {
            throw faults.removeFirst()
        }
        charges.append(request.body)
        return Response(status: 201, body: "charge ch_\(charges.count) for \(request.body)")
    }
}

private func payment(key: String?, body: String = "amount=500", client: String = "acct_A") -> Request {
    Request(client: client, idempotencyKey: key, path: "/v1/charges", body: body)
}

@Suite("Idempotency keys")
struct IdempotencyStoreTests {
    @Test("A request without a key runs every time")
    func noKeyNoProtection() throws {
        let store = IdempotencyStore(clock: VirtualClock())
        let payments = Payments()

        _ = try store.handle(payment(key: nil), operation: payments.charge)
        let second = try store.handle(payment(key: nil), operation: payments.charge)

        #expect(payments.charges.count == 2, "two requests without an Idempotency-Key ran the operation \(payments.charges.count) times instead of 2: without a key there is nothing to deduplicate")
        #expect(!second.replayed, "a request without a key came back marked as a replay")

        // The same store does deduplicate once a key is given.
        _ = try store.handle(payment(key: "k1"), operation: payments.charge)
        let keyed = try store.handle(payment(key: "k1"), operation: payments.charge)
        #expect(payments.charges.count == 3 && keyed.replayed,
                "a keyed request sent twice should run once and be replayed the second time, but charges were \(payments.charges) and the second answer was \(keyed)")
    }

    @Test("A retried request is answered from the record, not run again")
    func retryIsReplayed() throws {
        let store = IdempotencyStore(clock: VirtualClock())
        let payments = Payments()

        let first = try store.handle(payment(key: "k1"), operation: payments.charge)
        let retry = try store.handle(payment(key: "k1"), operation: payments.charge)

        #expect(payments.charges.count == 1, "the retry charged the card again: a known key must not run the operation (ran \(payments.charges.count) times)")
        #expect(first.status == 201 && !first.replayed, "the first request with a new key should run and return its own 201, not a replay, but got \(first)")
        #expect(
            retry == Response(status: first.status, body: first.body, replayed: true),
            "the retry got \(retry) instead of the first response marked replayed"
        )
    }

    @Test("A reused key with a different body is rejected, not replayed")
    func changedBodyIsRejected() throws {
        let store = IdempotencyStore(clock: VirtualClock())
        let payments = Payments()
        let original = try store.handle(payment(key: "k1", body: "amount=500"), operation: payments.charge)

        let changed = try store.handle(payment(key: "k1", body: "amount=9000"), operation: payments.charge)
        let sameAgain = try store.handle(payment(key: "k1", body: "amount=500"), operation: payments.charge)

        #expect(
            changed.status == 422,
            "a key reused for a different amount got \(changed) instead of 422: replaying the 500 charge would tell the client 9000 was charged"
        )
        #expect(payments.charges == ["amount=500"], "the request with the reused key and a changed body was run; charges were \(payments.charges)")
        #expect(
            sameAgain.body == original.body && sameAgain.replayed,
            "after the 422, a genuine retry got \(sameAgain) instead of the original replay: the refused request damaged the record"
        )
    }

    @Test("A retry that arrives while the first is still running gets 409 Conflict")
    func concurrentDuplicateConflicts() throws {
        let store = IdempotencyStore(clock: VirtualClock())
        let payments = Payments()
        var duplicate: Response?

        // The first request's operation is slow; while it runs, the client times out and retries.
        let first = try store.handle(payment(key: "k1")) { request in
            duplicate = try store.handle(payment(key: "k1"), operation: payments.charge)
            return try payments.charge(request)
        }
        let later = try store.handle(payment(key: "k1"), operation: payments.charge)

        #expect(payments.charges.count == 1, "both requests charged the card: the key must be locked before the operation starts (ran \(payments.charges.count) times)")
        #expect(duplicate?.status == 409, "the duplicate of a request still in progress got \(String(describing: duplicate)) instead of 409 Conflict")
        #expect(
            later.body == first.body && later.replayed,
            "a retry after the first request finished got \(later) instead of a replay of its response"
        )
    }

    @Test("A failure that committed nothing releases the key for a retry")
    func thrownFailureIsRetryable() throws {
        let store = IdempotencyStore(clock: VirtualClock())
        let payments = Payments()
        payments.faults = [.connectionReset]

        #expect(throws: InjectedFault.connectionReset, "handle swallowed or replaced the operation's error instead of rethrowing it") {
            try store.handle(payment(key: "k1"), operation: payments.charge)
        }
        let retry = try store.handle(payment(key: "k1"), operation: payments.charge)

        #expect(retry.status == 201 && !retry.replayed, "the retry after a thrown failure got \(retry) instead of running: a failure that committed nothing must not be recorded")
        #expect(payments.charges.count == 1, "the retry after the failure should charge exactly once, but charges were \(payments.charges)")
        let again = try store.handle(payment(key: "k1"), operation: payments.charge)
        #expect(again.replayed && payments.charges.count == 1,
                "the successful retry is recorded, so the next request with the key should be a replay, but it got \(again) and charges were \(payments.charges)")
    }

    @Test("A completed error response is replayed like any other")
    func returnedErrorIsFinal() throws {
        let store = IdempotencyStore(clock: VirtualClock())
        var declines = 0
        let decline: (Request) -> Response = { _ in
            declines += 1
            return Response(status: 402, body: "card_declined")
        }

        _ = try store.handle(payment(key: "k1"), operation: decline)
        let retry = try store.handle(payment(key: "k1"), operation: decline)

        #expect(declines == 1, "the bank was asked \(declines) times: a returned 402 is a finished answer, so the retry must be replayed, not run")
        #expect(retry == Response(status: 402, body: "card_declined", replayed: true), "the retry got \(retry) instead of the recorded 402, marked replayed")
    }

    @Test("Keys from different clients never collide")
    func keysAreScopedPerClient() throws {
        let store = IdempotencyStore(clock: VirtualClock())
        let payments = Payments()

        let a = try store.handle(payment(key: "order-1", body: "amount=500", client: "acct_A"), operation: payments.charge)
        let b = try store.handle(payment(key: "order-1", body: "amount=700", client: "acct_B"), operation: payments.charge)

        #expect(
            b.status == 201 && !b.replayed,
            "client B's first use of \"order-1\" was treated as a reuse of client A's key; keys are per client. Got \(b)"
        )
        #expect(payments.charges == ["amount=500", "amount=700"], "each client's first request should run once, but charges were \(payments.charges)")
        #expect(a.body != b.body, "client B received client A's response")
        let retryA = try store.handle(payment(key: "order-1", body: "amount=500", client: "acct_A"), operation: payments.charge)
        #expect(retryA.replayed && retryA.body == a.body && payments.charges.count == 2,
                "client A's retry of \"order-1\" should replay A's own response, but got \(retryA) with charges \(payments.charges)")
    }

    @Test("Keys are remembered for 24 hours from their first use, then forgotten")
    func keysExpire() throws {
        let clock = VirtualClock()
        let store = IdempotencyStore(clock: clock)
        let payments = Payments()
        // A slow first request: it finishes an hour after the key was first used.
        _ = try store.handle(payment(key: "k1")) { request in
            clock.advance(by: .seconds(3_600))
            return try payments.charge(request)
        }

        clock.advance(by: .seconds(23 * 3_600 - 1))     // 1 s before 24 h after first use
        let withinDay = try store.handle(payment(key: "k1"), operation: payments.charge)
        clock.advance(by: .seconds(1))                  // exactly 24 h after first use
        let nextDay = try store.handle(payment(key: "k1", body: "amount=800"), operation: payments.charge)

        #expect(withinDay.replayed, "1 s before 24 hours after first use the key was already forgotten: got \(withinDay) instead of a replay")
        #expect(
            nextDay.status == 201 && !nextDay.replayed,
            "exactly 24 hours after first use (23 after the first request finished) the key should have expired and run the new request, but got \(nextDay)"
        )
        #expect(payments.charges == ["amount=500", "amount=800"], "the new request on the expired key should run once, but charges were \(payments.charges)")
    }

    @Test("An explicit retention replaces the 24 hours")
    func explicitRetention() throws {
        let clock = VirtualClock()
        let store = IdempotencyStore(clock: clock, retention: .seconds(10))
        let payments = Payments()
        _ = try store.handle(payment(key: "k1"), operation: payments.charge)

        clock.advance(by: .seconds(9))
        let kept = try store.handle(payment(key: "k1"), operation: payments.charge)
        clock.advance(by: .seconds(1))
        let expired = try store.handle(payment(key: "k1"), operation: payments.charge)

        #expect(kept.replayed, "9 s into a 10 s retention the key should still be known, but got \(kept)")
        #expect(!expired.replayed && payments.charges.count == 2,
                "at exactly the 10 s retention the key should be forgotten and the request run, but got \(expired) with charges \(payments.charges)")
    }

    @Test("The same key on a different path is refused, like a different body")
    func pathIsPartOfTheRequest() throws {
        let store = IdempotencyStore(clock: VirtualClock())
        let payments = Payments()
        _ = try store.handle(payment(key: "k1"), operation: payments.charge)

        let refund = try store.handle(Request(client: "acct_A", idempotencyKey: "k1", path: "/v1/refunds", body: "amount=500"),
                                      operation: payments.charge)

        #expect(refund.status == 422 && !refund.replayed,
                "the key was first used on /v1/charges; reusing it on /v1/refunds should be refused with 422, but got \(refund)")
        #expect(payments.charges.count == 1, "the refused request must not run, but charges were \(payments.charges)")
    }
}
