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

    /// Authenticates, routes by method and longest prefix, then proxies or aggregates.
    public func handle(_ request: Request) -> Response {
        // TODO(kata): 401 before routing; the longest prefix that matches whole segments, the
        // route for this method before an any-method one, else 404 or 405 with `allow`; proxy with
        // the route's timeout and retries (idempotent methods only), or aggregate the parts.
        Response(status: 501, body: "not implemented")
    }
}
