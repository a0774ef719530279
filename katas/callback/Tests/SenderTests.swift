import CallbackKata
import KataHarness
import Testing

/// An endpoint answering `statuses` in turn (then 200), remembering every request it got.
final class ScriptedEndpoint {
    private(set) var requests: [WebhookRequest] = []
    private var statuses: [Int]

    init(_ statuses: [Int]) { self.statuses = statuses }

    func answer(_ request: WebhookRequest) -> Int {
        requests.append(request)
        return statuses.isEmpty ? 200 : statuses.removeFirst()
    }
}

func sender(_ clock: VirtualClock, _ endpoint: @escaping (WebhookRequest) -> Int, maxAttempts: Int = 5,
            base: Duration = .seconds(1), max: Duration = .seconds(60)) -> WebhookSender {
    WebhookSender(signer: WebhookSigner(secret: secret), maxAttempts: maxAttempts, baseDelay: base, maxDelay: max,
                  clock: clock, endpoint: endpoint)
}

@Suite("Webhook delivery")
struct SenderTests {
    @Test("Failures are retried after doubling delays until a 2xx")
    func retriesUntilSuccess() {
        let clock = VirtualClock()
        let endpoint = ScriptedEndpoint([500, 503, 200])
        let report = sender(clock, endpoint.answer).deliver(eventID: "evt_1", body: "paid")
        #expect(report == DeliveryReport(delivered: true, statuses: [500, 503, 200]),
                "500 and 503 should be retried and the 200 end the delivery; got \(report)")
        #expect(clock.sleeps == [.seconds(1), .seconds(2)], "the pauses should double from 1 s: [1 s, 2 s], got \(clock.sleeps)")
        #expect(endpoint.requests.map(\.eventID) == ["evt_1", "evt_1", "evt_1"], "every attempt carries the same event ID")
    }

    @Test("Only 200...299 counts as delivered")
    func successRange() {
        let clock = VirtualClock()
        let endpoint = ScriptedEndpoint([199, 300, 299])
        let report = sender(clock, endpoint.answer).deliver(eventID: "evt_1", body: "paid")
        #expect(report == DeliveryReport(delivered: true, statuses: [199, 300, 299]),
                "199 and 300 are not success, 299 is; got \(report)")
    }

    @Test("The back-off is capped at maxDelay, attempts stop at maxAttempts, and no pause follows the last")
    func backoffCapAndGivingUp() {
        let clock = VirtualClock()
        let endpoint = ScriptedEndpoint(Array(repeating: 500, count: 10))
        let hooks = sender(clock, endpoint.answer, maxAttempts: 5, base: .seconds(1), max: .seconds(5))
        let report = hooks.deliver(eventID: "evt_1", body: "paid")
        #expect(report == DeliveryReport(delivered: false, statuses: [500, 500, 500, 500, 500]),
                "five failures with maxAttempts 5 should give up undelivered; got \(report)")
        #expect(clock.sleeps == [.seconds(1), .seconds(2), .seconds(4), .seconds(5)],
                "pauses 1, 2, 4, then capped at 5 s, and none after the 5th attempt; got \(clock.sleeps)")
        #expect((1...4).map(hooks.backoff(after:)) == [.seconds(1), .seconds(2), .seconds(4), .seconds(5)],
                "backoff(after:) should report the same pauses, got \((1...4).map(hooks.backoff(after:)))")
    }

    @Test("Every attempt is signed afresh with the current time")
    func resignsEachAttempt() {
        let clock = VirtualClock(start: .seconds(100))
        let endpoint = ScriptedEndpoint([500, 500, 200])
        _ = sender(clock, endpoint.answer, base: .seconds(10)).deliver(eventID: "evt_1", body: "paid")
        let stamps = endpoint.requests.map { signedAt($0.signature) }
        #expect(stamps == [100, 110, 130], "attempts at 100, 110 and 130 s should be signed with those times, got \(stamps)")
        let valid = endpoint.requests.allSatisfy {
            $0.signature == WebhookSigner(secret: secret).signature(body: "paid", timestamp: signedAt($0.signature) ?? -1)
        }
        #expect(valid, "each attempt's header should be the signer's header for its own time: \(endpoint.requests.map(\.signature))")
    }

    @Test("End to end: a lost reply is retried later, passes the replay window re-signed, and is processed once")
    func endToEnd() {
        let clock = VirtualClock(start: .seconds(1_000))
        let recorder = Recorder()
        let hook = receiver(clock, recorder)
        var lost = true
        // The first reply is lost on the way back: the receiver handled the event, the sender saw a 504.
        let network: (WebhookRequest) -> Int = { request in
            let status = hook.receive(request)
            if lost { lost = false; return 504 }
            return status
        }
        let report = sender(clock, network, base: .seconds(600), max: .seconds(3_600)).deliver(eventID: "evt_1", body: "paid")
        #expect(report == DeliveryReport(delivered: true, statuses: [504, 200]),
                "the retry 10 minutes later is re-signed, so it passes the 5-minute window and is acknowledged; got \(report)")
        #expect(hook.processed == ["evt_1"] && recorder.handled == ["paid"],
                "the event must be handled exactly once despite two deliveries; processed \(hook.processed), handled \(recorder.handled)")
    }
}
