import APIGatewayKata
import KataHarness
import Testing

@Suite("Authenticating and routing")
struct RoutingTests {
    @Test("A request without a valid token is refused with 401 before routing")
    func authenticationFirst() {
        let (gateway, _) = makeGateway()
        let orders = answering("orders")
        gateway.route(nil, "/orders", to: orders)

        let statuses = [
            gateway.handle(Request("GET", "/orders/7", token: nil)).status,
            gateway.handle(Request("GET", "/orders/7", token: "forged")).status,
            gateway.handle(Request("GET", "/no/such/route", token: nil)).status,
        ]

        #expect(statuses == [401, 401, 401], "no token, a forged token, and an unknown path without a token must all get 401 (a 404 would tell a stranger which paths exist); got \(statuses)")
        #expect(orders.calls.isEmpty, "nothing unauthenticated may reach a backend, but orders got \(orders.calls)")
        let allowed = gateway.handle(Request("GET", "/orders/7", token: "t-bob"))
        #expect(allowed.status == 200 && orders.calls.map(\.user) == ["bob"], "a valid token is forwarded as its user, but got \(allowed.status) and users \(orders.calls.map(\.user))")
    }

    @Test("The longest matching prefix wins, whatever the order routes were added in", arguments: [false, true])
    func longestPrefix(reversed: Bool) {
        let (gateway, _) = makeGateway()
        let table = [("/", "root"), ("/api", "api"), ("/api/orders", "orders"), ("/api/orders/export", "export")]
        for (prefix, name) in reversed ? table.reversed() : table {
            gateway.route(nil, prefix, to: answering(name))
        }

        let bodies = ["/api/orders/export/2024", "/api/orders/7", "/api/users", "/health", "/api/orders"].map { gateway.handle(get($0)).body }

        #expect(bodies == ["export", "orders", "api", "root", "orders"], "each path goes to its longest matching prefix; got \(bodies)")
    }

    @Test("A prefix matches whole path segments only")
    func wholeSegments() {
        let (gateway, _) = makeGateway()
        gateway.route(nil, "/api/orders", to: answering("orders"))
        gateway.route(nil, "/static/", to: answering("static"))
        gateway.route(nil, "/api", to: answering("api"))

        let bodies = ["/api/orders", "/api/orders/7", "/api/ordersheet", "/api/orders-old", "/static/app.js"].map { gateway.handle(get($0)).body }

        #expect(bodies == ["orders", "orders", "api", "api", "static"], "/api/orders covers /api/orders and /api/orders/7 but not /api/ordersheet or /api/orders-old; a prefix ending in / covers what follows it; got \(bodies)")
        #expect(gateway.handle(get("/static")).status == 404, "/static/ does not cover /static itself")
        #expect(gateway.handle(get("/apiary")).status == 404, "/api does not cover /apiary")
    }

    @Test("At the same prefix a route for the method beats an any-method route; a longer prefix beats both")
    func methodSpecificity() {
        let (gateway, _) = makeGateway()
        gateway.route(nil, "/orders", to: answering("any"))
        gateway.route("POST", "/orders", to: answering("create"))
        gateway.route("GET", "/orders", to: answering("list"))
        gateway.route(nil, "/orders/archive", to: answering("archive"))

        let bodies = [
            gateway.handle(get("/orders")).body,
            gateway.handle(Request("POST", "/orders", token: "t-alice")).body,
            gateway.handle(Request("DELETE", "/orders/7", token: "t-alice")).body,
            gateway.handle(Request("POST", "/orders/archive", token: "t-alice")).body,
        ]

        #expect(bodies == ["list", "create", "any", "archive"], "GET and POST have their own routes, DELETE falls to the any-method one, and the longer /orders/archive wins for POST; got \(bodies)")
    }

    @Test("No matching prefix is 404; a prefix without the method is 405 naming the allowed methods")
    func notFoundAndNotAllowed() {
        let (gateway, _) = makeGateway()
        let reports = answering("reports")
        gateway.route("GET", "/reports", to: reports)
        gateway.route("HEAD", "/reports", to: reports)
        gateway.route("GET", "/reports", to: reports)
        gateway.route("DELETE", "/", to: answering("root"))

        let onlyRoot = gateway.handle(get("/invoices"))
        let notAllowed = gateway.handle(Request("POST", "/reports/7", token: "t-alice"))

        #expect(onlyRoot.status == 405 && onlyRoot.allow == ["DELETE"], "/ matches /invoices for DELETE only, so GET is 405 allowing DELETE; got \(onlyRoot.status) allowing \(onlyRoot.allow)")
        #expect(notAllowed.status == 405, "/reports has no POST route, so POST is 405, not 404, but got \(notAllowed.status)")
        #expect(notAllowed.allow == ["GET", "HEAD"], "405 names the longest prefix's methods, sorted and once each, but named \(notAllowed.allow)")
        #expect(reports.calls.isEmpty, "a refused request reaches no backend, but reports got \(reports.calls.count) calls")

        let (bare, _) = makeGateway()
        bare.route("GET", "/reports", to: reports)
        let none = bare.handle(get("/invoices"))
        #expect(none.status == 404 && none.allow.isEmpty, "with no prefix matching at all the answer is 404, but got \(none.status) allowing \(none.allow)")
    }

    @Test("The backend gets the original method and path, and the authenticated user")
    func forwarding() {
        let (gateway, clock) = makeGateway()
        clock.advance(by: .seconds(3))
        let orders = ScriptedBackend(then: .respond(status: 201, body: "created #9", after: ms(40)))
        gateway.route(nil, "/api/orders", to: orders)

        let response = gateway.handle(Request("PUT", "/api/orders/9", token: "t-alice"))

        #expect(response == Response(status: 201, body: "created #9"), "the backend's status and body pass through, but got \(response)")
        #expect(orders.calls == [BackendRequest(method: "PUT", path: "/api/orders/9", user: "alice", at: VirtualClock.Instant(offset: .seconds(3)))], "forwarded as \(orders.calls)")
        #expect(clock.now == VirtualClock.Instant(offset: .seconds(3)) + ms(40), "the call took 40 ms of virtual time, but the clock is at \(clock.now)")
    }
}
