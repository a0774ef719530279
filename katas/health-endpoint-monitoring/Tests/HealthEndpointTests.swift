import HealthEndpointKata
import KataHarness
import Testing

extension Duration {
    static func ms(_ value: Int) -> Duration { .milliseconds(value) }
}

/// An endpoint with the start-up work done.
func startedEndpoint(_ clock: VirtualClock) -> HealthEndpoint {
    let endpoint = HealthEndpoint(clock: clock)
    endpoint.markStarted()
    return endpoint
}

func ok(_ name: String, cached: Bool = false) -> CheckResult { CheckResult(name: name, passed: true, detail: "ok", cached: cached) }
func failed(_ name: String, _ detail: String, cached: Bool = false) -> CheckResult {
    CheckResult(name: name, passed: false, detail: detail, cached: cached)
}

@Suite("Health endpoints")
struct HealthEndpointTests {
    @Test("Startup fails with 503 until start-up is done, then passes with 200")
    func startupProbe() {
        let endpoint = HealthEndpoint(clock: VirtualClock())
        let before = endpoint.handle("/startupz")
        #expect(before == HealthResponse(status: 503, checks: [failed("startup", "starting")]),
                "before markStarted() /startupz should be 503 with startup 'starting', got \(before)")
        endpoint.markStarted()
        let after = endpoint.handle("/startupz")
        #expect(after == HealthResponse(status: 200, checks: [ok("startup")]), "after markStarted() /startupz should be 200, got \(after)")
    }

    @Test("Liveness runs only the process's own checks, never a dependency")
    func livenessIgnoresDependencies() {
        let clock = VirtualClock()
        let endpoint = startedEndpoint(clock)
        let loop = ScriptedCheck(name: "event-loop")
        let db = ScriptedCheck(name: "db", then: .unhealthy("connection refused", after: .zero))
        endpoint.addLivenessCheck(loop, timeout: .ms(100))
        endpoint.addDependency(db, timeout: .ms(200), cacheFor: .seconds(5))

        let live = endpoint.handle("/livez")
        #expect(live == HealthResponse(status: 200, checks: [ok("event-loop")]),
                "with a healthy event loop /livez should be 200 and list only it, whatever the database does; got \(live)")
        #expect(db.runs == 0, "/livez must not run dependency checks, but db ran \(db.runs) time(s)")

        let stuck = HealthEndpoint(clock: clock)
        stuck.addLivenessCheck(ScriptedCheck(name: "event-loop", then: .unhealthy("blocked for 30 s", after: .zero)), timeout: .ms(100))
        let dead = stuck.handle("/livez")
        #expect(dead == HealthResponse(status: 503, checks: [failed("event-loop", "blocked for 30 s")]),
                "a failing liveness check should make /livez 503, got \(dead)")
    }

    @Test("A failing critical dependency fails readiness but not liveness; readiness lists every check in order")
    func dependencyFailsReadinessOnly() {
        let clock = VirtualClock()
        let endpoint = startedEndpoint(clock)
        endpoint.addLivenessCheck(ScriptedCheck(name: "event-loop"), timeout: .ms(100))
        endpoint.addDependency(ScriptedCheck(name: "db", then: .unhealthy("connection refused", after: .ms(5))), timeout: .ms(200), cacheFor: .seconds(5))
        endpoint.addDependency(ScriptedCheck(name: "queue"), timeout: .ms(200), cacheFor: .seconds(5))

        let ready = endpoint.handle("/readyz")
        let expected = [ok("startup"), ok("shutdown"), ok("event-loop"), failed("db", "connection refused"), ok("queue")]
        #expect(ready == HealthResponse(status: 503, checks: expected),
                "a failing critical db should make /readyz 503, listing startup, shutdown, event-loop, db, queue; got \(ready)")
        #expect(ready.body.contains("{\"name\":\"db\",\"passed\":false,\"detail\":\"connection refused\",\"cached\":false}"),
                "the body should list db's failure, got \(ready.body)")
        #expect(endpoint.handle("/livez").status == 200, "the same failing db must not fail /livez: a restart would not fix the database")
    }

    @Test("A failing liveness check fails readiness too")
    func deadIsNotReady() {
        let endpoint = startedEndpoint(VirtualClock())
        endpoint.addLivenessCheck(ScriptedCheck(name: "event-loop", then: .unhealthy("blocked", after: .zero)), timeout: .ms(100))
        endpoint.addDependency(ScriptedCheck(name: "db"), timeout: .ms(200), cacheFor: .seconds(5))
        let ready = endpoint.handle("/readyz")
        #expect(ready.status == 503 && ready.checks.contains(failed("event-loop", "blocked")),
                "a process that fails its own liveness check is not ready either; got \(ready)")
    }

    @Test("Readiness fails before start-up is done and while draining; liveness does not")
    func startupAndDraining() {
        let endpoint = HealthEndpoint(clock: VirtualClock())
        endpoint.addDependency(ScriptedCheck(name: "db"), timeout: .ms(200), cacheFor: .seconds(5))
        let early = endpoint.handle("/readyz")
        #expect(early.status == 503 && early.checks.first == failed("startup", "starting"),
                "before start-up is done /readyz should be 503 with startup 'starting' first, got \(early)")

        endpoint.markStarted()
        let ready = endpoint.handle("/readyz")
        #expect(ready == HealthResponse(status: 200, checks: [ok("startup"), ok("shutdown"), ok("db", cached: true)]),
                "once started, with db healthy (cached from the first probe), /readyz should be 200; got \(ready)")

        endpoint.beginDraining()
        let draining = endpoint.handle("/readyz")
        #expect(draining.status == 503 && draining.checks.contains(failed("shutdown", "draining")),
                "while draining /readyz should be 503 with shutdown 'draining', got \(draining)")
        #expect(endpoint.handle("/livez").status == 200, "a draining process is still alive: /livez should stay 200")
    }

    @Test("A failing non-critical dependency is reported but does not fail readiness")
    func nonCriticalDependency() {
        let endpoint = startedEndpoint(VirtualClock())
        endpoint.addDependency(ScriptedCheck(name: "db"), timeout: .ms(200), cacheFor: .seconds(5))
        endpoint.addDependency(ScriptedCheck(name: "recommendations", then: .unhealthy("503 from upstream", after: .zero)),
                               timeout: .ms(200), cacheFor: .seconds(5), critical: false)
        let ready = endpoint.handle("/readyz")
        #expect(ready == HealthResponse(status: 200, checks: [ok("startup"), ok("shutdown"), ok("db"), failed("recommendations", "503 from upstream")]),
                "a non-critical failure is listed but the service can still serve: 200; got \(ready)")
    }

    @Test("A check slower than its timeout fails at the timeout; one answering exactly on time passes")
    func checkTimeouts() {
        let clock = VirtualClock()
        let endpoint = startedEndpoint(clock)
        endpoint.addDependency(ScriptedCheck(name: "db", then: .healthy(after: .ms(300))), timeout: .ms(200), cacheFor: .seconds(5))
        endpoint.addDependency(ScriptedCheck(name: "queue", then: .healthy(after: .ms(150))), timeout: .ms(150), cacheFor: .seconds(5))
        let ready = endpoint.handle("/readyz")
        #expect(ready.checks.contains(failed("db", "timed out after \(Duration.ms(200))")),
                "db needs 300 ms of its 200 ms timeout and should fail as 'timed out after \(Duration.ms(200))'; got \(ready.checks)")
        #expect(ready.checks.contains(ok("queue")), "queue answers at exactly its 150 ms timeout and is in time; got \(ready.checks)")
        #expect(ready.status == 503, "a timed-out critical dependency fails readiness, got \(ready.status)")
        #expect(clock.now == VirtualClock.Instant(offset: .ms(200)),
                "the probe should give up on db at its 200 ms timeout, not wait 300 ms; the clock is at \(clock.now)")
    }

    @Test("Checks run together: a probe takes as long as its slowest check, not the sum")
    func checksRunTogether() {
        let clock = VirtualClock()
        let endpoint = startedEndpoint(clock)
        endpoint.addLivenessCheck(ScriptedCheck(name: "event-loop", then: .healthy(after: .ms(50))), timeout: .seconds(1))
        endpoint.addDependency(ScriptedCheck(name: "db", then: .healthy(after: .ms(300))), timeout: .seconds(1), cacheFor: .seconds(5))
        endpoint.addDependency(ScriptedCheck(name: "cache", then: .healthy(after: .ms(100))), timeout: .seconds(1), cacheFor: .seconds(5))
        _ = endpoint.handle("/readyz")
        #expect(clock.now == VirtualClock.Instant(offset: .ms(300)),
                "checks of 50, 300 and 100 ms run at once, so /readyz should take 300 ms; the clock is at \(clock.now)")
    }

    @Test("A dependency's result is reused for cacheFor after the check finished, failures included")
    func dependencyResultsAreCached() {
        let clock = VirtualClock()
        let endpoint = startedEndpoint(clock)
        let db = ScriptedCheck(name: "db", script: [.unhealthy("too many connections", after: .ms(100))], then: .healthy(after: .ms(100)))
        endpoint.addDependency(db, timeout: .ms(500), cacheFor: .seconds(5))

        #expect(endpoint.handle("/readyz").status == 503, "the first probe should see db fail")   // finishes at 0.1 s
        clock.advance(to: VirtualClock.Instant(offset: .ms(5_099)))
        let cached = endpoint.handle("/readyz")
        #expect(db.runs == 1, "4.999 s after db's check finished its result is still fresh, but db ran \(db.runs) times")
        #expect(cached.status == 503 && cached.checks.last == failed("db", "too many connections", cached: true),
                "the cached failure should be repeated with cached: true; got \(cached)")

        clock.advance(to: VirtualClock.Instant(offset: .ms(5_100)))
        let refreshed = endpoint.handle("/readyz")
        #expect(db.runs == 2, "5 s after db's check finished the result has expired and db should run again, but it ran \(db.runs) times")
        #expect(refreshed.status == 200 && refreshed.checks.last == ok("db"), "the fresh check passes: 200, got \(refreshed)")
    }

    @Test("Liveness checks run on every probe, never cached")
    func livenessNotCached() {
        let endpoint = startedEndpoint(VirtualClock())
        let loop = ScriptedCheck(name: "event-loop")
        endpoint.addLivenessCheck(loop, timeout: .ms(100))
        _ = endpoint.handle("/livez")
        _ = endpoint.handle("/livez")
        _ = endpoint.handle("/readyz")
        #expect(loop.runs == 3, "two /livez and one /readyz should run the liveness check 3 times, it ran \(loop.runs)")
    }

    @Test("Any other path is a 404 that runs no check")
    func unknownPath() {
        let endpoint = startedEndpoint(VirtualClock())
        let db = ScriptedCheck(name: "db")
        endpoint.addDependency(db, timeout: .ms(100), cacheFor: .seconds(5))
        let response = endpoint.handle("/healthz")
        #expect(response == HealthResponse(status: 404, checks: []) && db.runs == 0, "/healthz is not served here: 404 with no checks run; got \(response), db ran \(db.runs)")
    }
}
