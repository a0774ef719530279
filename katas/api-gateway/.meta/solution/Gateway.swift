import KataHarness

/// The single entry point: authenticates every request, routes it by method and longest path
/// prefix, and either proxies it to one backend (with the route's timeout and retries) or
/// aggregates several backends into one response.
public final class Gateway {
    private enum Target {
        case proxy(ScriptedBackend, RoutePolicy)
        case aggregate([Part])
    }

    private struct Route {
        let method: String?
        let prefix: String
        let target: Target
    }

    /// RFC 9110 §9.2.2: repeating these has the same effect as sending them once.
    private static let idempotentMethods: Set = ["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]

    private let clock: VirtualClock
    private let authenticate: (String) -> String?
    private var routes: [Route] = []

    /// `authenticate` maps a bearer token to its user, or nil for a token it does not accept.
    public init(clock: VirtualClock, authenticate: @escaping (String) -> String?) {
        self.clock = clock
        self.authenticate = authenticate
    }

    /// Proxies `method` (nil: any method) requests under `prefix` to `backend`.
    public func route(_ method: String?, _ prefix: String, to backend: ScriptedBackend, policy: RoutePolicy = RoutePolicy()) {
        routes.append(Route(method: method, prefix: prefix, target: .proxy(backend, policy)))
    }

    /// Answers `method` requests under `prefix` by calling every part together.
    public func aggregate(_ method: String, _ prefix: String, parts: [Part]) {
        routes.append(Route(method: method, prefix: prefix, target: .aggregate(parts)))
    }

    public func handle(_ request: Request) -> Response {
        guard let token = request.token, let user = authenticate(token) else {
            return Response(status: 401, body: "unauthenticated")
        }
        let matching = routes.filter { Self.path(request.path, isUnder: $0.prefix) }
        guard let longest = matching.map(\.prefix.count).max() else {
            return Response(status: 404, body: "no route")
        }
        let candidates = matching.filter { $0.prefix.count == longest }
        guard let route = candidates.first(where: { $0.method == request.method })
            ?? candidates.first(where: { $0.method == nil })
        else {
            let allowed = Set(candidates.compactMap(\.method)).sorted()
            return Response(status: 405, body: "method not allowed", allow: allowed)
        }
        switch route.target {
        case .proxy(let backend, let policy):
            return proxy(request, user: user, to: backend, policy: policy)
        case .aggregate(let parts):
            return aggregate(user: user, parts: parts)
        }
    }

    /// A prefix matches whole path segments: "/api/orders" covers "/api/orders" and
    /// "/api/orders/7", not "/api/ordersheet"; a prefix ending in "/" covers what follows it.
    static func path(_ path: String, isUnder prefix: String) -> Bool {
        guard path.hasPrefix(prefix) else { return false }
        if path.count == prefix.count || prefix.hasSuffix("/") { return true }
        return path.dropFirst(prefix.count).first == "/"
    }

    private func proxy(_ request: Request, user: String, to backend: ScriptedBackend, policy: RoutePolicy) -> Response {
        var response = attempt(request, user: user, on: backend, timeout: policy.timeout)
        guard Self.idempotentMethods.contains(request.method) else { return response }
        for _ in 0..<policy.retries where isServerError(response.status) {
            response = attempt(request, user: user, on: backend, timeout: policy.timeout)
        }
        return response
    }

    /// One call at `clock.now`; the clock moves to when the gateway stopped waiting.
    private func attempt(_ request: Request, user: String, on backend: ScriptedBackend, timeout: Duration) -> Response {
        let forwarded = BackendRequest(method: request.method, path: request.path, user: user, at: clock.now)
        let (response, waited) = Self.outcome(of: backend.call(forwarded), timeout: timeout)
        clock.advance(by: waited)
        return response
    }

    /// What the gateway makes of a backend's answer, and how long it waited for it: an answer
    /// later than `timeout` is never seen, and the wait ends at the timeout.
    private static func outcome(of step: ScriptedBackend.Step, timeout: Duration) -> (Response, waited: Duration) {
        switch step {
        case .respond(_, _, let latency) where latency > timeout, .unreachable(let latency) where latency > timeout:
            return (Response(status: 504, body: "upstream timed out"), timeout)
        case .respond(let status, let body, let latency):
            return (Response(status: status, body: body), latency)
        case .unreachable(let latency):
            return (Response(status: 502, body: "upstream unreachable"), latency)
        }
    }

    /// Every part is called at the same instant; the response waits for the last to answer or
    /// time out. A required part that fails fails the response; an optional one is left out.
    private func aggregate(user: String, parts: [Part]) -> Response {
        let start = clock.now
        var bodies: [String: String] = [:]
        var missing: [String] = []
        var failedRequired: (name: String, status: Int)?
        var end = start
        for part in parts {
            let answer = part.backend.call(BackendRequest(method: "GET", path: part.path, user: user, at: start))
            let (response, waited) = Self.outcome(of: answer, timeout: part.timeout)
            end = max(end, start + waited)
            if isSuccess(response.status) {
                bodies[part.name] = response.body
            } else if !part.required {
                missing.append(part.name)
            } else if failedRequired == nil {
                // A part that answered anything but 2xx is a bad gateway; one that never did, a timeout.
                failedRequired = (part.name, response.status == 504 ? 504 : 502)
            }
        }
        clock.advance(to: end)
        if let failed = failedRequired {
            return Response(status: failed.status, body: "required part \(failed.name) failed")
        }
        return Response(status: 200, body: "aggregated", parts: bodies, missing: missing)
    }
}
