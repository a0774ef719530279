import APIGatewayKata
import KataHarness

func ms(_ milliseconds: Int) -> Duration { .milliseconds(milliseconds) }

func at(_ milliseconds: Int) -> VirtualClock.Instant { VirtualClock.Instant(offset: ms(milliseconds)) }

let users = ["t-alice": "alice", "t-bob": "bob"]

func makeGateway() -> (Gateway, VirtualClock) {
    let clock = VirtualClock()
    return (Gateway(clock: clock, authenticate: { users[$0] }), clock)
}

/// A backend that answers 200 with `body` after `latency` every time.
func answering(_ body: String, after latency: Int = 10) -> ScriptedBackend {
    ScriptedBackend(then: .respond(status: 200, body: body, after: ms(latency)))
}

/// Alice's request.
func get(_ path: String) -> Request { Request("GET", path, token: "t-alice") }
