import KataHarness

/// A service's health endpoints, with Kubernetes probe semantics:
///
/// - `/livez` — is the process working at all? Only its own checks; a failure gets it restarted.
/// - `/readyz` — should it get traffic now? Started, not draining, alive, and every critical
///   dependency healthy; a failure takes it out of the load balancer, nothing more.
/// - `/startupz` — has it finished starting? Until it has, Kubernetes probes nothing else.
public final class HealthEndpoint {
    private let clock: VirtualClock
    private var livenessChecks: [LivenessCheck] = []
    private var dependencies: [Dependency] = []
    /// True once `markStarted()` has been called.
    public private(set) var started = false
    /// True once `beginDraining()` has been called.
    public private(set) var draining = false

    private struct LivenessCheck {
        let check: ScriptedCheck
        let timeout: Duration
    }

    private struct Dependency {
        let check: ScriptedCheck
        let timeout: Duration
        let cacheFor: Duration
        let critical: Bool
        var last: (result: CheckResult, at: VirtualClock.Instant)?
    }

    public init(clock: VirtualClock) {
        self.clock = clock
    }

    /// A check of the process itself (is its event loop turning?). It counts for liveness and
    /// readiness and is never cached.
    public func addLivenessCheck(_ check: ScriptedCheck, timeout: Duration) {
        livenessChecks.append(LivenessCheck(check: check, timeout: timeout))
    }

    /// A check of something the service needs. It counts for readiness only — a failing
    /// dependency must not get a healthy process restarted — and only if `critical`; a result is
    /// reused for `cacheFor` after the check finished, so probes do not hammer the dependency.
    public func addDependency(_ check: ScriptedCheck, timeout: Duration, cacheFor: Duration, critical: Bool = true) {
        dependencies.append(Dependency(check: check, timeout: timeout, cacheFor: cacheFor, critical: critical))
    }

    /// Start-up work (migrations, cache warm-up) is done.
    public func markStarted() { started = true }

    /// Shutdown has begun: stop taking new traffic, finish what is in flight.
    public func beginDraining() { draining = true }

    /// Answers a probe: 200 if it passes, 503 if not, 404 for any other path.
    ///
    /// - `/startupz`: one check, "startup" ("ok" or "starting").
    /// - `/livez`: the liveness checks, in the order added.
    /// - `/readyz`: "startup", "shutdown" ("ok" or "draining"), the liveness checks, then the
    ///   dependencies, in the order added; 200 only if all pass except non-critical dependencies.
    /// - Checks due to run start together, so the clock moves on by the slowest one — each
    ///   given up at its timeout, failing with "timed out after <timeout>". A check that
    ///   answers exactly at its timeout is in time.
    /// - A dependency whose last result is younger than `cacheFor` is not run; its result is
    ///   repeated with `cached: true`.
    public func handle(_ path: String) -> HealthResponse {
        // TODO(kata): answer /startupz, /livez and /readyz as described above, and 404 otherwise.
        // Run the due checks together (each cut off at its timeout), cache dependency results,
        // and remember: a dependency never decides liveness.
        HealthResponse(status: 503, checks: [])
    }
}
