import EventDrivenKata
import KataHarness

/// The instant `s` seconds after the clock started.
func at(s: Int) -> VirtualClock.Instant { VirtualClock.Instant(offset: .seconds(s)) }

struct Rejected: Error {}

/// A subscriber that records every delivery it is handed, with the instant, and fails the
/// attempts `fails` says to.
final class Recorder {
    struct Call: Equatable, CustomStringConvertible {
        let eventID: String
        let attempt: Int
        let at: VirtualClock.Instant
        var description: String { "\(eventID)#\(attempt)@\(at.offset)" }
    }

    private let clock: VirtualClock
    private let fails: (Delivery) -> Bool
    private(set) var calls: [Call] = []

    init(clock: VirtualClock, fails: @escaping (Delivery) -> Bool = { _ in false }) {
        self.clock = clock
        self.fails = fails
    }

    func handle(_ delivery: Delivery) throws {
        calls.append(Call(eventID: delivery.event.id, attempt: delivery.attempt, at: clock.now))
        if fails(delivery) { throw Rejected() }
    }

    /// The event ids in the order they were handed over.
    var eventIDs: [String] { calls.map(\.eventID) }
}

func events(_ count: Int, on topic: String, prefix: String = "e") -> [Event] {
    (1...count).map { Event(id: "\(prefix)\($0)", topic: topic, payload: "payload \($0)") }
}
