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
        switch path {
        case "/startupz": startupResponse()
        case "/livez": livenessResponse()
        case "/readyz": readinessResponse()
        default: HealthResponse(status: 404, checks: [])
        }
    }

    private func startupResponse() -> HealthResponse {
        let startup = startupCheck()
        return HealthResponse(status: startup.passed ? 200 : 503, checks: [startup])
    }

    private func livenessResponse() -> HealthResponse {
        let results = runTogether(livenessChecks.map { ($0.check, $0.timeout) }).map(\.result)
        return HealthResponse(status: results.allSatisfy(\.passed) ? 200 : 503, checks: results)
    }

    private func readinessResponse() -> HealthResponse {
        let now = clock.now
        let due = dependencies.indices.filter { index in
            guard let last = dependencies[index].last else { return true }
            return now - last.at >= dependencies[index].cacheFor
        }
        let fresh = runTogether(livenessChecks.map { ($0.check, $0.timeout) } + due.map { (dependencies[$0].check, dependencies[$0].timeout) })
        for (index, run) in zip(due, fresh.dropFirst(livenessChecks.count)) {
            dependencies[index].last = run
        }

        let own = [startupCheck(), shutdownCheck()] + fresh.prefix(livenessChecks.count).map(\.result)
        var required = own.allSatisfy(\.passed)
        var results = own
        for (index, dependency) in dependencies.enumerated() {
            guard let last = dependency.last else { continue }
            let result = due.contains(index) ? last.result : reused(last.result)
            results.append(result)
            // A non-critical dependency is reported, but the service can serve without it.
            if dependency.critical && !result.passed { required = false }
        }
        return HealthResponse(status: required ? 200 : 503, checks: results)
    }

    private func startupCheck() -> CheckResult {
        CheckResult(name: "startup", passed: started, detail: started ? "ok" : "starting", cached: false)
    }

    private func shutdownCheck() -> CheckResult {
        CheckResult(name: "shutdown", passed: !draining, detail: draining ? "draining" : "ok", cached: false)
    }

    private func reused(_ result: CheckResult) -> CheckResult {
        CheckResult(name: result.name, passed: result.passed, detail: result.detail, cached: true)
    }

    /// Starts every check now, waits for the slowest (each cut off at its timeout), and returns
    /// each result with the instant it finished.
    private func runTogether(_ checks: [(check: ScriptedCheck, timeout: Duration)]) -> [(result: CheckResult, at: VirtualClock.Instant)] {
        let start = clock.now
        let runs = checks.map { check, timeout in
            let outcome = check.run()
            guard outcome.latency <= timeout else {
                let result = CheckResult(name: check.name, passed: false, detail: "timed out after \(timeout)", cached: false)
                return (result: result, at: start + timeout)
            }
            switch outcome {
            case .healthy:
                return (CheckResult(name: check.name, passed: true, detail: "ok", cached: false), start + outcome.latency)
            case .unhealthy(let reason, _):
                return (CheckResult(name: check.name, passed: false, detail: reason, cached: false), start + outcome.latency)
            }
        }
        clock.advance(to: runs.map(\.at).max() ?? start)
        return runs
    }
}
