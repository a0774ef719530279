import GracefulDegradationKata
import KataHarness

func ms(_ milliseconds: Int) -> Duration { .milliseconds(milliseconds) }

func at(_ milliseconds: Int) -> VirtualClock.Instant { VirtualClock.Instant(offset: ms(milliseconds)) }

/// A backend that answers `value` after `latency` every time.
func answering(_ value: String, after latency: Int = 10) -> ScriptedBackend {
    ScriptedBackend(then: .value(value, after: ms(latency)))
}

/// A backend that fails after `latency` every time.
func failing(after latency: Int = 10) -> ScriptedBackend {
    ScriptedBackend(then: .failure(after: ms(latency)))
}

extension Response {
    /// The page, or nil when the response failed.
    var page: Page? {
        if case .served(let page) = self { return page }
        return nil
    }
}
