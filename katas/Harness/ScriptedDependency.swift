/// A failure injected by a test: what a real network or server might do to a call.
public enum InjectedFault: Error, Equatable, Sendable {
    case serverError(code: Int)
    case connectionRefused
    case connectionReset
    case timedOut
}

/// A fake remote dependency whose behaviour a test scripts call by call.
///
/// Each call consumes the next `Step`: succeed or fail, after a latency measured on the shared
/// `VirtualClock`. When the script runs out, the `then` step repeats. Every call is recorded with
/// the virtual time it started, so tests can assert how often and when code under test called.
public final class ScriptedDependency<Response>: @unchecked Sendable {
    public enum Step {
        case respond(Response, after: Duration = .zero)
        case fail(InjectedFault, after: Duration = .zero)
    }

    public struct Call: Equatable, Sendable {
        public let startedAt: VirtualClock.Instant
        public let finishedAt: VirtualClock.Instant
        public let succeeded: Bool
    }

    private let clock: VirtualClock
    private var script: [Step]
    private let then: Step
    public private(set) var calls: [Call] = []

    public init(clock: VirtualClock, script: [Step], then: Step) {
        self.clock = clock
        self.script = script
        self.then = then
    }

    /// The step the next call will take, without taking it.
    public var nextStep: Step { script.first ?? then }

    /// The latency the next call will take before it answers.
    public var nextLatency: Duration {
        switch nextStep {
        case .respond(_, let after), .fail(_, let after): after
        }
    }

    /// Performs one call: virtual time passes by the step's latency, then it answers.
    public func call() throws(InjectedFault) -> Response {
        let step = script.isEmpty ? then : script.removeFirst()
        let started = clock.now
        switch step {
        case .respond(let response, let latency):
            clock.advance(by: latency)
            calls.append(Call(startedAt: started, finishedAt: clock.now, succeeded: true))
            return response
        case .fail(let fault, let latency):
            clock.advance(by: latency)
            calls.append(Call(startedAt: started, finishedAt: clock.now, succeeded: false))
            throw fault
        }
    }
}
