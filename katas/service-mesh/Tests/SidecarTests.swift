import KataHarness
import ServiceMeshKata
import Testing

/// A sidecar in front of `hosts`, with a detector and budget that stay out of the way unless given.
func sidecar(_ routes: [RoutePolicy], _ hosts: [UpstreamHost], clock: VirtualClock,
             detector: OutlierDetectionConfig = OutlierDetectionConfig(consecutive5xx: 1_000),
             budget: RetryBudget = RetryBudget()) -> Sidecar {
    Sidecar(routes: routes, hosts: hosts, detector: OutlierDetector(hosts: hosts.map(\.name), config: detector, clock: clock),
            budget: budget, clock: clock)
}

@Suite("Sidecar")
struct SidecarTests {
    @Test("Requests follow the route with the longest matching prefix; an unrouted path is a 404 sent nowhere")
    func routing() {
        let clock = VirtualClock()
        let a = host("A", [])
        let proxy = sidecar([RoutePolicy(prefix: "/api/slow", timeout: .seconds(5)), RoutePolicy(prefix: "/", timeout: .seconds(15)),
                             RoutePolicy(prefix: "/api", timeout: .seconds(1))], [a], clock: clock)

        #expect(proxy.route(for: "/api/slow/report")?.prefix == "/api/slow", "/api/slow/report should match /api/slow, got \(String(describing: proxy.route(for: "/api/slow/report")?.prefix))")
        #expect(proxy.route(for: "/api/users")?.prefix == "/api", "/api/users should match /api, got \(String(describing: proxy.route(for: "/api/users")?.prefix))")
        #expect(proxy.route(for: "/health")?.prefix == "/", "/health should fall back to /, got \(String(describing: proxy.route(for: "/health")?.prefix))")

        let narrow = sidecar([RoutePolicy(prefix: "/api")], [a], clock: clock)
        let response = narrow.send("/admin")
        #expect(response == SidecarResponse(status: 404, hosts: []), "no route matches /admin: expected a 404 sent to no host, got \(response)")
        #expect(a.requests == 0, "an unrouted request must not reach a host, but A got \(a.requests)")
    }

    @Test("Attempts go to the hosts in round-robin order")
    func roundRobin() {
        let clock = VirtualClock()
        let proxy = sidecar([RoutePolicy(prefix: "/")], [host("A", []), host("B", []), host("C", [])], clock: clock)
        let order = (0..<4).flatMap { _ in proxy.send("/").hosts }
        #expect(order == ["A", "B", "C", "A"], "four requests should go A, B, C, A, got \(order)")
    }

    @Test("A 5xx is retried on the next host up to numRetries; a 4xx is returned at once")
    func retriesOn5xx() {
        let clock = VirtualClock()
        let a = host("A", [500, 404]), b = host("B", [503]), c = host("C", [])
        let twice = sidecar([RoutePolicy(prefix: "/", numRetries: 2)], [a, b, c], clock: clock)
        let first = twice.send("/")
        #expect(first == SidecarResponse(status: 200, hosts: ["A", "B", "C"]),
                "A's 500 and B's 503 should be retried, and C's 200 returned; got \(first)")
        let second = twice.send("/")
        #expect(second == SidecarResponse(status: 404, hosts: ["A"]), "A's 404 is not a 5xx and must not be retried, got \(second)")

        let x = host("X", [502]), y = host("Y", [504]), z = host("Z", [])
        let once = sidecar([RoutePolicy(prefix: "/")], [x, y, z], clock: clock)
        let third = once.send("/")
        #expect(third == SidecarResponse(status: 504, hosts: ["X", "Y"]),
                "Envoy's default is 1 retry: X's 502, then Y's 504 is returned; got \(third)")
        #expect(z.requests == 0, "with retries used up Z must not be asked, but it got \(z.requests)")
    }

    @Test("An attempt slower than perTryTimeout is cut off as a 504 and retried; one exactly on time is not")
    func perTryTimeout() {
        let clock = VirtualClock()
        let slow = UpstreamHost(name: "A", script: [.init(status: 200, after: .seconds(2))])
        let fast = UpstreamHost(name: "B", script: [.init(status: 200, after: .ms(300))])
        let proxy = sidecar([RoutePolicy(prefix: "/", perTryTimeout: .seconds(1))], [slow, fast], clock: clock)
        let response = proxy.send("/")
        #expect(response == SidecarResponse(status: 200, hosts: ["A", "B"]), "A takes 2 s > 1 s per try, so B should answer; got \(response)")
        #expect(clock.now == .seconds(1.3), "A is abandoned at 1 s and B answers 0.3 s later, so the clock should be at 1.3 s, got \(clock.now)")

        let onTime = UpstreamHost(name: "C", script: [.init(status: 201, after: .seconds(1))])
        let exact = sidecar([RoutePolicy(prefix: "/", perTryTimeout: .seconds(1))], [onTime], clock: clock)
        let answer = exact.send("/")
        #expect(answer == SidecarResponse(status: 201, hosts: ["C"]), "a reply at exactly the 1 s per-try timeout is in time, got \(answer)")
    }

    @Test("The route timeout bounds the whole request, retries included")
    func routeTimeout() {
        let clock = VirtualClock()
        let a = UpstreamHost(name: "A", script: [.init(status: 503, after: .ms(1_500))])
        let b = UpstreamHost(name: "B", script: [.init(status: 200, after: .seconds(1))])
        let c = host("C", [])
        let proxy = sidecar([RoutePolicy(prefix: "/", timeout: .seconds(2), numRetries: 3)], [a, b, c], clock: clock)
        let response = proxy.send("/")
        #expect(response == SidecarResponse(status: 504, hosts: ["A", "B"]),
                "A fails at 1.5 s; B would answer at 2.5 s, past the 2 s route timeout, so the answer is a 504 with no more retries; got \(response)")
        #expect(clock.now == .seconds(2), "the request should end at its 2 s deadline, but the clock is at \(clock.now)")
        #expect(c.requests == 0, "no retry may start after the deadline, but C got \(c.requests)")

        let start = clock.now
        let d = UpstreamHost(name: "D", script: [.init(status: 500, after: .seconds(1))])
        let e = UpstreamHost(name: "E", script: [.init(status: 200, after: .ms(1_200))])
        let tight = sidecar([RoutePolicy(prefix: "/", timeout: .seconds(2), perTryTimeout: .ms(1_500))], [d, e], clock: clock)
        let cut = tight.send("/")
        #expect(cut.status == 504 && clock.now == start + .seconds(2),
                "E's try may last 1.5 s, but only 1 s of the route's 2 s is left: it should be cut at +2 s; got \(cut) at \(clock.now)")
    }

    @Test("Envoy's route defaults: a 15 s timeout and one retry")
    func routeDefaults() {
        let clock = VirtualClock()
        let onTime = UpstreamHost(name: "A", script: [.init(status: 200, after: .seconds(15))])
        let proxy = sidecar([RoutePolicy(prefix: "/")], [onTime], clock: clock)
        #expect(proxy.send("/").status == 200, "a reply after exactly 15 s is within Envoy's default 15 s route timeout")

        let start = clock.now
        let late = UpstreamHost(name: "B", script: [.init(status: 200, after: .seconds(15) + .ms(1))])
        let other = host("C", [503])
        let slow = sidecar([RoutePolicy(prefix: "/")], [late, other], clock: clock)
        let response = slow.send("/")
        #expect(response == SidecarResponse(status: 504, hosts: ["B"]) && clock.now == start + .seconds(15),
                "a reply after 15.001 s misses the default 15 s timeout: a 504 at +15 s with no time left to retry; got \(response) at \(clock.now)")
    }

    @Test("Retries stop when the shared retry budget is spent, and the request counts towards the budget")
    func retryBudget() {
        let clock = VirtualClock()
        let budget = RetryBudget(budgetPercent: 20, minRetryConcurrency: 1)
        let proxy = sidecar([RoutePolicy(prefix: "/")], [host("A", [503]), host("B", [503])], clock: clock, budget: budget)

        #expect(budget.tryStartRetry(), "another caller's retry should fit the empty budget")   // 1 of 1 in flight
        let refused = proxy.send("/")
        #expect(refused == SidecarResponse(status: 503, hosts: ["A"]),
                "the only retry slot is taken by another caller, so A's 503 must be returned unretried; got \(refused)")
        #expect(budget.activeRequests == 0 && budget.activeRetries == 1,
                "after the request the budget should be back to 0 requests and the other caller's 1 retry; got \(budget.activeRequests) and \(budget.activeRetries)")

        for _ in 0..<14 { budget.requestStarted() }       // 14 other requests in flight…
        #expect(budget.tryStartRetry(), "with 14 requests in flight, 20 % allows 2 retries; the second should fit")
        let admitted = proxy.send("/")                    // …plus this one: 15, so 3 retries
        #expect(admitted == SidecarResponse(status: 200, hosts: ["B", "A"]),
                "with this request in flight too, 20 % of 15 allows a 3rd retry: B's 503 is retried on A; got \(admitted)")
        #expect(budget.activeRequests == 14 && budget.activeRetries == 2,
                "the request and its retry should leave the budget when done; got \(budget.activeRequests) requests, \(budget.activeRetries) retries")
    }

    @Test("Every attempt's status feeds outlier detection, 504s included, and ejected hosts get no traffic")
    func outlierEjection() {
        let clock = VirtualClock()
        let a = host("A", [503, 503, 503, 503]), b = host("B", [])
        let config = OutlierDetectionConfig(consecutive5xx: 2, maxEjectionPercent: 50)
        let proxy = sidecar([RoutePolicy(prefix: "/")], [a, b], clock: clock, detector: config)
        let first = proxy.send("/"), second = proxy.send("/")
        #expect(first.hosts == ["A", "B"] && second.hosts == ["A", "B"], "A's 503s should be retried on B, got \(first.hosts) and \(second.hosts)")
        #expect(proxy.detector.ejectedHosts == ["A"], "two 503s in a row from A should eject it; ejected: \(proxy.detector.ejectedHosts)")
        let later = (0..<3).map { _ in proxy.send("/").hosts }
        #expect(later == [["B"], ["B"], ["B"]] && a.requests == 2, "an ejected host gets no requests; got \(later), A asked \(a.requests) times")

        clock.advance(by: .seconds(30))
        proxy.detector.sweep()
        let back = (0..<2).flatMap { _ in proxy.send("/").hosts }
        #expect(back.contains("A"), "30 s later A should be back in rotation, got \(back)")

        let sluggish = UpstreamHost(name: "S", script: [.init(status: 200, after: .seconds(5))])
        let timing = sidecar([RoutePolicy(prefix: "/", perTryTimeout: .seconds(1), numRetries: 0)], [sluggish, host("T", [])], clock: clock,
                             detector: OutlierDetectionConfig(consecutive5xx: 1, maxEjectionPercent: 50))
        #expect(timing.send("/").status == 504, "S's 5 s reply is past the 1 s per-try timeout: 504")
        #expect(timing.detector.ejectedHosts == ["S"], "the 504 from a per-try time-out counts as a 5xx for outlier detection; ejected: \(timing.detector.ejectedHosts)")
    }

    @Test("With every host ejected the sidecar answers 503 without sending")
    func noHealthyHost() {
        let clock = VirtualClock()
        let a = host("A", [500])
        let proxy = sidecar([RoutePolicy(prefix: "/", numRetries: 0)], [a], clock: clock,
                            detector: OutlierDetectionConfig(consecutive5xx: 1, maxEjectionPercent: 100))
        #expect(proxy.send("/") == SidecarResponse(status: 500, hosts: ["A"]), "A's 500 should come back as it is")
        let response = proxy.send("/")
        #expect(response == SidecarResponse(status: 503, hosts: []), "with A ejected there is no healthy host: 503 to no host; got \(response)")
        #expect(a.requests == 1, "the ejected host must not be sent the second request, but it got \(a.requests) in all")
    }
}
