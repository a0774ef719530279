import KataHarness

/// Builds one response from several dependencies, called together, each with its own deadline.
///
/// A required dependency that fails (an error, or no answer by its deadline) fails the response.
/// An optional one is replaced by its fallback — the last value it answered while that is young
/// enough, else a default, else nothing — and every replaced part is named in `degraded`.
public final class ResponseComposer {
    private struct Dependency {
        let name: String
        let backend: ScriptedBackend
        let deadline: Duration
        let need: Need
    }

    private let clock: VirtualClock
    private var dependencies: [Dependency] = []
    /// Each dependency's last answer that arrived in time, and when it arrived.
    private var lastGood: [String: (value: String, receivedAt: VirtualClock.Instant)] = [:]

    public init(clock: VirtualClock) {
        self.clock = clock
    }

    public func add(_ name: String, backend: ScriptedBackend, deadline: Duration, need: Need) {
        dependencies.append(Dependency(name: name, backend: backend, deadline: deadline, need: need))
    }

    /// Calls every dependency at `clock.now`, waits until each has answered or passed its deadline,
    /// moves the clock to that instant and answers.
    public func respond() -> Response {
        let start = clock.now
        let results = dependencies.map { dependency in (dependency, call(dependency, at: start)) }
        clock.advance(to: results.map(\.1.endedAt).max() ?? start)
        let servedAt = clock.now

        if let (dependency, result) = results.first(where: { $0.0.need == .required && $0.1.value == nil }) {
            return .failed(dependency: dependency.name, result.reason, at: servedAt)
        }
        var values: [String: String] = [:]
        var degraded: [Degradation] = []
        for (dependency, result) in results {
            if let value = result.value {
                values[dependency.name] = value
                continue
            }
            guard case .optional(let fallback) = dependency.need else { continue }
            let substitute: Substitute
            if let maxStaleness = fallback.maxStaleness, let cached = lastGood[dependency.name],
               servedAt - cached.receivedAt <= maxStaleness {
                values[dependency.name] = cached.value
                substitute = .stale(age: servedAt - cached.receivedAt)
            } else if let defaultValue = fallback.defaultValue {
                values[dependency.name] = defaultValue
                substitute = .defaultValue
            } else {
                substitute = .omitted
            }
            degraded.append(Degradation(dependency: dependency.name, reason: result.reason, servedInstead: substitute))
        }
        return .served(Page(values: values, degraded: degraded, servedAt: servedAt))
    }

    private struct CallResult {
        let value: String?
        let reason: FailureReason
        let endedAt: VirtualClock.Instant
    }

    /// One call, cut off at its deadline. An answer in time (at the deadline included) is
    /// remembered for later fallbacks; a late one is never seen.
    private func call(_ dependency: Dependency, at start: VirtualClock.Instant) -> CallResult {
        let answer = dependency.backend.call(at: start)
        guard answer.latency <= dependency.deadline else {
            return CallResult(value: nil, reason: .timedOut(after: dependency.deadline), endedAt: start + dependency.deadline)
        }
        let receivedAt = start + answer.latency
        if let value = answer.value { lastGood[dependency.name] = (value, receivedAt) }
        return CallResult(value: answer.value, reason: .error, endedAt: receivedAt)
    }
}
