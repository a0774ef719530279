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
        // TODO(kata): the longest matching prefix wins.
        nil
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
        // TODO(kata): route, pick a host, bound each attempt and the whole request, record every
        // status with the detector, retry 5xx within the route's retries and the budget.
        SidecarResponse(status: 503, hosts: [])
    }

    /// One attempt: the host's status, or 504 if it would answer after the attempt's deadline.
    private func exchange(with host: UpstreamHost, deadline: VirtualClock.Instant, perTryTimeout: Duration?) -> Int {
        // TODO(kata): wait for the reply, or give up at the attempt's deadline with a 504.
        504
    }

    /// The next host in round-robin order that is not ejected, or nil if all are.
    private func pickHost() -> UpstreamHost? {
        // TODO(kata): round-robin over the hosts that are not ejected.
        nil
    }
}
