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
    // TODO(kata): remember each dependency's last answer that arrived in time, and when.

    public init(clock: VirtualClock) {
        self.clock = clock
    }

    public func add(_ name: String, backend: ScriptedBackend, deadline: Duration, need: Need) {
        dependencies.append(Dependency(name: name, backend: backend, deadline: deadline, need: need))
    }

    /// Calls every dependency at `clock.now`, waits until each has answered or passed its deadline,
    /// moves the clock to that instant and answers.
    public func respond() -> Response {
        // TODO(kata): call every dependency at clock.now, cut each off at its deadline, move the
        // clock to the last end, fail on a required failure, else fill failed optional parts from
        // their fallbacks and name each one in `degraded`.
        .failed(dependency: "", .error, at: clock.now)
    }
}
