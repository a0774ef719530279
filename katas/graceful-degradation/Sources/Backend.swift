import KataHarness

/// A fake dependency whose answers a test scripts call by call.
///
/// `call(at:)` does not move the clock: it says what the dependency answers and how long it takes,
/// and the caller decides how long it is willing to wait. That is what lets several calls run
/// together on one virtual clock.
public final class ScriptedBackend {
    public enum Step: Equatable {
        case value(String, after: Duration)
        case failure(after: Duration)
    }

    public struct Answer: Equatable {
        /// The value, or nil when the dependency failed.
        public let value: String?
        public let latency: Duration
    }

    private var script: [Step]
    private let then: Step
    /// The instant of every call, in order.
    public private(set) var calls: [VirtualClock.Instant] = []

    /// Answers with the script's steps in turn, then with `then` forever.
    public init(_ script: [Step] = [], then: Step) {
        self.script = script
        self.then = then
    }

    public func call(at instant: VirtualClock.Instant) -> Answer {
        calls.append(instant)
        switch script.isEmpty ? then : script.removeFirst() {
        case .value(let value, let latency): return Answer(value: value, latency: latency)
        case .failure(let latency): return Answer(value: nil, latency: latency)
        }
    }
}

/// What an optional dependency's part becomes when its call fails, tried in this order: the last
/// value it answered if it is at most `maxStaleness` old, then `defaultValue`, then nothing.
public struct Fallback: Equatable, Sendable {
    /// Nil: never serve a cached value.
    public var maxStaleness: Duration?
    /// Nil: leave the part out.
    public var defaultValue: String?

    public init(maxStaleness: Duration? = nil, defaultValue: String? = nil) {
        self.maxStaleness = maxStaleness
        self.defaultValue = defaultValue
    }

    /// Leave the part out.
    public static let omit = Fallback()
}

public enum Need: Equatable, Sendable {
    /// Without it there is no useful response: its failure fails the request.
    case required
    case optional(Fallback)
}

public enum FailureReason: Equatable, Sendable {
    case error
    /// No answer within the dependency's deadline.
    case timedOut(after: Duration)
}

/// What was served in place of a failed part.
public enum Substitute: Equatable, Sendable {
    /// The last value the dependency answered, this old when served.
    case stale(age: Duration)
    case defaultValue
    case omitted
}

/// One part that is not what its dependency would have answered, and why.
public struct Degradation: Equatable, Sendable {
    public let dependency: String
    public let reason: FailureReason
    public let servedInstead: Substitute

    public init(dependency: String, reason: FailureReason, servedInstead: Substitute) {
        self.dependency = dependency
        self.reason = reason
        self.servedInstead = servedInstead
    }
}

public struct Page: Equatable, Sendable {
    /// Every part shown, by dependency name: fresh, stale or default. Omitted parts have no entry.
    public let values: [String: String]
    /// The parts that were substituted, in the order the dependencies were added. Empty: nothing
    /// was degraded.
    public let degraded: [Degradation]
    public let servedAt: VirtualClock.Instant

    public init(values: [String: String], degraded: [Degradation], servedAt: VirtualClock.Instant) {
        self.values = values
        self.degraded = degraded
        self.servedAt = servedAt
    }

    public var isDegraded: Bool { !degraded.isEmpty }
}

public enum Response: Equatable, Sendable {
    case served(Page)
    /// A required dependency failed: the first one, in the order they were added.
    case failed(dependency: String, FailureReason, at: VirtualClock.Instant)
}
