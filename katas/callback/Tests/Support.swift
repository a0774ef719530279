import CallbackKata
import KataHarness

let secret = "whsec_test"

/// A webhook handler that remembers the bodies it saw and answers `results` in turn, then true.
final class Recorder {
    private(set) var handled: [String] = []
    private var results: [Bool]

    init(results: [Bool] = []) { self.results = results }

    func handle(_ body: String) -> Bool {
        handled.append(body)
        return results.isEmpty ? true : results.removeFirst()
    }
}

func receiver(_ clock: VirtualClock, _ recorder: Recorder, tolerance: Duration = .seconds(300)) -> WebhookReceiver {
    WebhookReceiver(secret: secret, tolerance: tolerance, clock: clock, handler: recorder.handle)
}

/// A request for `body` signed with `key` at `timestamp`.
func signed(_ eventID: String, _ body: String, at timestamp: Int, key: String = secret) -> WebhookRequest {
    WebhookRequest(eventID: eventID, body: body, signature: WebhookSigner(secret: key).signature(body: body, timestamp: timestamp))
}

/// The `t=` value of a signature header.
func signedAt(_ header: String) -> Int? {
    header.split(separator: ",").first { $0.hasPrefix("t=") }.flatMap { Int($0.dropFirst(2)) }
}
