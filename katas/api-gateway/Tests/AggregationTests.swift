import APIGatewayKata
import KataHarness
import Testing

/// An order page from three backends: the order and the customer are required, recommendations are not.
func orderPage(orders: ScriptedBackend, customers: ScriptedBackend, recommendations: ScriptedBackend) -> (Gateway, VirtualClock) {
    let (gateway, clock) = makeGateway()
    gateway.aggregate("GET", "/order-page", parts: [
        Part("order", backend: orders, path: "/orders/latest", timeout: ms(800), required: true),
        Part("customer", backend: customers, path: "/customers/me", timeout: ms(500), required: true),
        Part("recommendations", backend: recommendations, path: "/recs", timeout: ms(300), required: false),
    ])
    return (gateway, clock)
}

@Suite("Aggregating backends")
struct AggregationTests {
    @Test("Every part is called at once, and the response carries each part's body")
    func allParts() {
        let backends = [answering("order #7", after: 120), answering("Alice", after: 60), answering("boots", after: 200)]
        let (gateway, clock) = orderPage(orders: backends[0], customers: backends[1], recommendations: backends[2])

        let response = gateway.handle(get("/order-page"))

        #expect(response.status == 200 && response.parts == ["order": "order #7", "customer": "Alice", "recommendations": "boots"] && response.missing.isEmpty, "all three parts answered, but got \(response)")
        let calls = backends.flatMap(\.calls)
        #expect(calls.map(\.path) == ["/orders/latest", "/customers/me", "/recs"] && calls.allSatisfy { $0.at == at(0) && $0.user == "alice" && $0.method == "GET" }, "each part gets a GET of its own path for the user, all at the same instant, but the calls were \(calls)")
        #expect(clock.now == at(200), "parts run together, so the response is ready when the slowest answers (200 ms), not after the sum, but the clock is at \(clock.now)")
    }

    @Test("A failed optional part is left out and named; the response is still 200", arguments: [
        (ScriptedBackend.Step.respond(status: 503, body: "busy", after: ms(20)), 20),
        (.unreachable(after: ms(250)), 250),
        (.respond(status: 200, body: "late", after: ms(301)), 300),
    ])
    func optionalMissing(failure: ScriptedBackend.Step, readyAt: Int) {
        let (gateway, clock) = orderPage(orders: answering("order #7"), customers: answering("Alice"), recommendations: ScriptedBackend(then: failure))

        let response = gateway.handle(get("/order-page"))

        #expect(response.status == 200, "an optional part cannot fail the response, but got \(response.status)")
        #expect(response.parts == ["order": "order #7", "customer": "Alice"] && response.missing == ["recommendations"], "recommendations must be left out and named as missing, but got parts \(response.parts) missing \(response.missing)")
        #expect(clock.now == at(readyAt), "the failure is known at \(readyAt) ms (its answer, or its 300 ms timeout), which is when the response is ready, but the clock is at \(clock.now)")
    }

    @Test("An optional part answering exactly at its timeout is in time")
    func optionalAtTimeout() {
        let (gateway, clock) = orderPage(orders: answering("order #7"), customers: answering("Alice"), recommendations: answering("boots", after: 300))

        let response = gateway.handle(get("/order-page"))

        #expect(response.parts["recommendations"] == "boots" && response.missing.isEmpty, "300 ms meets a 300 ms timeout, but got \(response)")
        #expect(clock.now == at(300), "the response waits for it, to 300 ms, but the clock is at \(clock.now)")
    }

    @Test("A failed required part fails the response: 504 if it timed out, else 502, naming the first in order")
    func requiredFails() {
        let slowOrder = ScriptedBackend(then: .respond(status: 200, body: "late", after: ms(1000)))
        let (timedOut, clock) = orderPage(orders: slowOrder, customers: ScriptedBackend(then: .respond(status: 500, body: "oops", after: ms(10))), recommendations: answering("boots"))
        let first = timedOut.handle(get("/order-page"))
        #expect(first.status == 504 && first.body == "required part order failed", "the order timed out and comes first: 504 naming it, but got \(first)")
        #expect(clock.now == at(800), "the gateway stops waiting for the order at its 800 ms timeout, but the clock is at \(clock.now)")

        let (broken, _) = orderPage(orders: answering("order #7"), customers: ScriptedBackend(then: .respond(status: 404, body: "who?", after: ms(10))), recommendations: ScriptedBackend(then: .unreachable(after: ms(5))))
        let second = broken.handle(get("/order-page"))
        #expect(second.status == 502 && second.body == "required part customer failed", "a required part answering anything but 2xx is a bad gateway: 502 naming customer, but got \(second)")
    }
}
