import KataHarness

/// The policy of one route, matched by path prefix.
public struct RoutePolicy: Equatable, Sendable {
    public let prefix: String
    /// The whole request's deadline, retries included (Envoy's route `timeout`, default 15 s).
    public let timeout: Duration
    /// Each attempt's deadline (Envoy's `per_try_timeout`); nil: only `timeout` applies.
    public let perTryTimeout: Duration?
    /// Retries after the first attempt (Envoy's `num_retries`, default 1), on 5xx and per-try time-outs.
    public let numRetries: Int

    public init(prefix: String, timeout: Duration = .seconds(15), perTryTimeout: Duration? = nil, numRetries: Int = 1) {
        self.prefix = prefix
        self.timeout = timeout
        self.perTryTimeout = perTryTimeout
        self.numRetries = numRetries
    }
}

/// What the sidecar answered the application.
public struct SidecarResponse: Equatable, Sendable {
    public let status: Int
    /// The hosts tried, in order.
    public let hosts: [String]

    public init(status: Int, hosts: [String]) {
        self.status = status
        self.hosts = hosts
    }
}

/// The outbound half of a sidecar proxy: routes a request by path, picks a host the outlier
/// detector has not ejected, bounds each attempt and the whole request, and retries 5xx replies
/// while the route and the shared retry budget allow.
public final class Sidecar {
    public let routes: [RoutePolicy]
    public let hosts: [UpstreamHost]
    public let detector: OutlierDetector
    public let budget: RetryBudget
    private let clock: VirtualClock
    private var nextHost = 0

    public init(routes: [RoutePolicy], hosts: [UpstreamHost], detector: OutlierDetector, budget: RetryBudget, clock: VirtualClock) {
        self.routes = routes
        self.hosts = hosts
        self.detector = detector
        self.budget = budget
        self.clock = clock
    }

    /// The route whose prefix is the longest that `path` starts with; nil if none matches.
    public func route(for path: String) -> RoutePolicy? {
        routes.filter { path.hasPrefix($0.prefix) }.max { $0.prefix.count < $1.prefix.count }
    }

    /// Sends one request for `path` upstream.
    ///
    /// - No matching route: 404, nothing sent.
    /// - Each attempt goes to the next host in round-robin order that is not ejected; with none
    ///   left, the sidecar answers 503 without sending.
    /// - An attempt waits for the host's reply at most `perTryTimeout` and never past the route's
    ///   `timeout` from the start of the request; a reply that would come later counts as 504.
    ///   Every attempt's status, 504s included, is recorded with the outlier detector.
    /// - A status below 500 is returned at once. A 5xx is retried if retries are left, the
    ///   route's deadline has not passed, and the budget admits a retry; otherwise it is returned.
    /// - The request counts in `budget.activeRequests` while it runs; each retry in
    ///   `budget.activeRetries` while it is out.
    public func send(_ path: String) -> SidecarResponse {
        guard let route = route(for: path) else { return SidecarResponse(status: 404, hosts: []) }
        budget.requestStarted()
        defer { budget.requestFinished() }
        let deadline = clock.now + route.timeout
        var tried: [String] = []
        var status = 503

        for attempt in 0...route.numRetries {
            if attempt > 0 {
                guard clock.now < deadline, budget.tryStartRetry() else { break }
            }
            defer { if attempt > 0 { budget.retryFinished() } }
            guard let host = pickHost() else { return SidecarResponse(status: 503, hosts: tried) }
            tried.append(host.name)
            status = exchange(with: host, deadline: deadline, perTryTimeout: route.perTryTimeout)
            detector.record(status, from: host.name)
            if status < 500 { break }
        }
        return SidecarResponse(status: status, hosts: tried)
    }

    /// One attempt: the host's status, or 504 if it would answer after the attempt's deadline.
    private func exchange(with host: UpstreamHost, deadline: VirtualClock.Instant, perTryTimeout: Duration?) -> Int {
        let remaining = deadline - clock.now
        let limit = perTryTimeout.map { min($0, remaining) } ?? remaining
        let reply = host.send()
        if reply.latency > limit {
            clock.advance(by: limit)
            return 504
        }
        clock.advance(by: reply.latency)
        return reply.status
    }

    /// The next host in round-robin order that is not ejected, or nil if all are.
    private func pickHost() -> UpstreamHost? {
        for offset in hosts.indices {
            let index = (nextHost + offset) % hosts.count
            if !detector.isEjected(hosts[index].name) {
                nextHost = index + 1
                return hosts[index]
            }
        }
        return nil
    }
}
