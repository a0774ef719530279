import APIGatewayKata
import KataHarness
import Testing

@Suite("Timeouts and retries")
struct PolicyTests {
    @Test("An answer exactly at the route's timeout is in time; 1 ms later it is 504", arguments: [100, 2000])
    func timeoutBoundary(timeout: Int) {
        let (gateway, clock) = makeGateway()
        let backend = ScriptedBackend([.respond(status: 200, body: "on time", after: ms(timeout)), .respond(status: 200, body: "late", after: ms(timeout + 1))], then: .respond(status: 200, body: "x", after: .zero))
        gateway.route(nil, "/slow", to: backend, policy: RoutePolicy(timeout: ms(timeout)))

        let onTime = gateway.handle(get("/slow"))
        #expect(onTime == Response(status: 200, body: "on time"), "an answer after exactly \(timeout) ms meets a \(timeout) ms timeout, but got \(onTime)")

        let late = gateway.handle(get("/slow"))
        #expect(late.status == 504, "an answer after \(timeout + 1) ms is too late: 504, but got \(late)")
        #expect(clock.now == at(2 * timeout), "the gateway stops waiting at the timeout, so the clock is at \(2 * timeout) ms, but it is at \(clock.now)")
    }

    @Test("Timeouts are per route")
    func perRouteTimeout() {
        let (gateway, _) = makeGateway()
        gateway.route(nil, "/reports", to: answering("report", after: 3000), policy: RoutePolicy(timeout: .seconds(5)))
        gateway.route(nil, "/search", to: answering("results", after: 3000), policy: RoutePolicy(timeout: ms(500)))

        let statuses = [gateway.handle(get("/reports")).status, gateway.handle(get("/search")).status]

        #expect(statuses == [200, 504], "3 s fits the reports route's 5 s and not the search route's 500 ms; got \(statuses)")
    }

    @Test("A failed attempt is retried up to the route's retries, each attempt after the previous one ended", arguments: [1, 3])
    func retriesUntilSuccess(retries: Int) {
        let (gateway, clock) = makeGateway()
        let failures: [ScriptedBackend.Step] = [.respond(status: 503, body: "busy", after: ms(20)), .unreachable(after: ms(5)), .respond(status: 200, body: "late", after: ms(900))]
        let script = Array(failures.prefix(retries))
        let backend = ScriptedBackend(script, then: .respond(status: 200, body: "done", after: ms(30)))
        gateway.route(nil, "/orders", to: backend, policy: RoutePolicy(timeout: ms(100), retries: retries))

        let response = gateway.handle(get("/orders"))

        #expect(response == Response(status: 200, body: "done"), "after \(retries) failed attempt(s) the next succeeds, but got \(response)")
        let ends = [20, 5, 100]          // a 503 after 20 ms, unreachable after 5 ms, a timeout at 100 ms
        var starts = [0]
        for end in ends.prefix(retries) { starts.append(starts.last! + end) }
        #expect(backend.calls.map(\.at) == starts.map(at), "each attempt starts when the previous one ended: expected \(starts.map(at)), got \(backend.calls.map(\.at))")
        #expect(clock.now == at(starts.last! + 30), "the response comes with the last attempt's answer, but the clock is at \(clock.now)")
    }

    @Test("When every attempt fails, the last failure is the answer", arguments: [
        (ScriptedBackend.Step.respond(status: 503, body: "busy", after: ms(10)), 503),
        (.unreachable(after: ms(10)), 502),
        (.respond(status: 200, body: "too late", after: ms(500)), 504),
    ])
    func retriesExhausted(failure: ScriptedBackend.Step, status: Int) {
        let (gateway, _) = makeGateway()
        let backend = ScriptedBackend([.respond(status: 500, body: "first", after: ms(10))], then: failure)
        gateway.route(nil, "/orders", to: backend, policy: RoutePolicy(timeout: ms(100), retries: 2))

        let response = gateway.handle(get("/orders"))

        #expect(response.status == status, "the last of 3 attempts failed with \(status), which is what the client gets, but got \(response)")
        #expect(backend.calls.count == 3, "1 attempt and 2 retries, but the backend was called \(backend.calls.count) times")
    }

    @Test("A 4xx answer is the client's error and is never retried")
    func clientErrorsNotRetried() {
        let (gateway, _) = makeGateway()
        let backend = ScriptedBackend([.respond(status: 404, body: "no order 7", after: ms(10))], then: .respond(status: 200, body: "found", after: ms(10)))
        gateway.route(nil, "/orders", to: backend, policy: RoutePolicy(timeout: ms(100), retries: 3))

        let response = gateway.handle(get("/orders/7"))

        #expect(response == Response(status: 404, body: "no order 7") && backend.calls.count == 1, "a 404 passes through after one attempt, but got \(response) after \(backend.calls.count) calls")
    }

    @Test("Only idempotent methods are retried", arguments: [("GET", true), ("PUT", true), ("DELETE", true), ("POST", false), ("PATCH", false)])
    func onlyIdempotentRetried(method: String, retried: Bool) {
        let (gateway, _) = makeGateway()
        let backend = ScriptedBackend([.respond(status: 503, body: "busy", after: ms(10))], then: .respond(status: 200, body: "done", after: ms(10)))
        gateway.route(nil, "/orders", to: backend, policy: RoutePolicy(timeout: ms(100), retries: 2))

        let response = gateway.handle(Request(method, "/orders", token: "t-alice"))

        #expect(backend.calls.count == (retried ? 2 : 1), "\(method) should \(retried ? "" : "not ")be retried after a 503, but the backend was called \(backend.calls.count) times")
        #expect(response.status == (retried ? 200 : 503), "\(method) should end with \(retried ? 200 : 503), but got \(response.status)")
    }
}
