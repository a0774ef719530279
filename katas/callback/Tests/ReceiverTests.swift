import CallbackKata
import KataHarness
import Testing

@Suite("Webhook signing and receiving")
struct ReceiverTests {
    @Test("The signature header is t=<timestamp>,v1=<MAC of \"<timestamp>.<body>\">")
    func signatureFormat() {
        let header = WebhookSigner(secret: secret).signature(body: "{\"id\":1}", timestamp: 1_700)
        let expected = "t=1700,v1=" + ToyMAC.tag(key: secret, message: "1700.{\"id\":1}")
        #expect(header == expected, "expected \(expected), got \(header)")
    }

    @Test("A correctly signed, fresh delivery is processed and answered 200")
    func acceptsValidDelivery() {
        let clock = VirtualClock(start: .seconds(1_000))
        let recorder = Recorder()
        let hook = receiver(clock, recorder)
        let status = hook.receive(signed("evt_1", "paid", at: 1_000))
        #expect(status == 200 && hook.processed == ["evt_1"] && recorder.handled == ["paid"],
                "a valid delivery should be handled once and answered 200; got \(status), processed \(hook.processed)")
    }

    @Test("A wrong secret, a changed body or a changed timestamp is rejected with 400 and not handled")
    func rejectsTampering() {
        let clock = VirtualClock(start: .seconds(1_000))
        let recorder = Recorder()
        let hook = receiver(clock, recorder)
        let good = signed("evt_1", "amount=10", at: 1_000)
        let tag = "v1=" + ToyMAC.tag(key: secret, message: "1000.amount=10")
        let cases = [
            ("a signature made with another secret", signed("evt_1", "amount=10", at: 1_000, key: "whsec_other")),
            ("a body changed after signing", WebhookRequest(eventID: "evt_1", body: "amount=1000", signature: good.signature)),
            ("a timestamp changed after signing", WebhookRequest(eventID: "evt_1", body: "amount=10", signature: "t=1001,\(tag)")),
        ]
        for (what, request) in cases {
            let status = hook.receive(request)
            #expect(status == 400, "\(what) should be rejected with 400, got \(status)")
        }
        #expect(recorder.handled.isEmpty, "no rejected delivery may reach the handler, but it saw \(recorder.handled)")
        #expect(hook.receive(good) == 200, "the untampered delivery should still be accepted")
    }

    @Test("Malformed signature headers are rejected with 400")
    func rejectsMalformedHeaders() {
        let clock = VirtualClock(start: .seconds(1_000))
        let recorder = Recorder()
        let hook = receiver(clock, recorder)
        let tag = ToyMAC.tag(key: secret, message: "1000.x")
        for header in ["", "v1=\(tag)", "t=1000", "t=soon,v1=\(tag)", "t=1000;v1=\(tag)", "t=1000,v1"] {
            let status = hook.receive(WebhookRequest(eventID: "evt_1", body: "x", signature: header))
            #expect(status == 400, "the header '\(header)' is malformed and should get 400, got \(status)")
        }
        #expect(recorder.handled.isEmpty, "malformed deliveries must not be handled, but the handler saw \(recorder.handled)")
    }

    @Test("Any matching v1 tag is accepted, in any order, and other schemes are ignored whatever their value")
    func secretRotation() {
        let clock = VirtualClock(start: .seconds(1_000))
        let hook = receiver(clock, Recorder())
        let right = ToyMAC.tag(key: secret, message: "1000.x")
        let wrong = ToyMAC.tag(key: "whsec_old", message: "1000.x")
        let header = "v0=\(right)=x,v1=\(wrong),t=1000,v1=\(right)"
        let status = hook.receive(WebhookRequest(eventID: "evt_1", body: "x", signature: header))
        #expect(status == 200, "one of the v1 tags matches (as during a secret rotation), so '\(header)' should be accepted; got \(status)")
    }

    @Test("The timestamp may be up to the tolerance old or ahead of now, not more")
    func replayWindow() {
        let clock = VirtualClock(start: .seconds(1_000))
        let hook = receiver(clock, Recorder())
        let cases: [(timestamp: Int, status: Int)] = [(700, 200), (699, 400), (1_300, 200), (1_301, 400)]
        for (index, (timestamp, status)) in cases.enumerated() {
            let got = hook.receive(signed("evt_\(index)", "x", at: timestamp))
            #expect(got == status, "at t = 1000 with the default 300 s tolerance, a signature from \(timestamp) should get \(status), got \(got)")
        }
        let strict = receiver(clock, Recorder(), tolerance: .seconds(60))
        #expect(strict.receive(signed("evt_a", "x", at: 940)) == 200, "60 s old is within a 60 s tolerance")
        #expect(strict.receive(signed("evt_b", "x", at: 939)) == 400, "61 s old is outside a 60 s tolerance")
    }

    @Test("A redelivered event is answered 200 without running the handler again")
    func deduplicatesByEventID() {
        let clock = VirtualClock(start: .seconds(1_000))
        let recorder = Recorder()
        let hook = receiver(clock, recorder)
        _ = hook.receive(signed("evt_1", "paid", at: 1_000))
        clock.advance(by: .seconds(30))
        let again = hook.receive(signed("evt_1", "paid", at: 1_030))
        let other = hook.receive(signed("evt_2", "paid", at: 1_030))
        #expect(again == 200, "a duplicate should be acknowledged with 200 so the sender stops retrying, got \(again)")
        #expect(other == 200 && hook.processed == ["evt_1", "evt_2"] && recorder.handled.count == 2,
                "evt_1 should be handled once and evt_2 once; processed \(hook.processed), handler calls \(recorder.handled.count)")
    }

    @Test("A failed handler answers 500 and leaves the event unprocessed, so a retry runs it again")
    func failedHandlerIsRetryable() {
        let clock = VirtualClock(start: .seconds(1_000))
        let recorder = Recorder(results: [false])
        let hook = receiver(clock, recorder)
        let first = hook.receive(signed("evt_1", "paid", at: 1_000))
        #expect(first == 500 && hook.processed.isEmpty, "a failing handler should give 500 and record nothing; got \(first), processed \(hook.processed)")
        let second = hook.receive(signed("evt_1", "paid", at: 1_000))
        #expect(second == 200 && hook.processed == ["evt_1"] && recorder.handled.count == 2,
                "the retry should run the handler again and succeed; got \(second), processed \(hook.processed), calls \(recorder.handled.count)")
    }
}
