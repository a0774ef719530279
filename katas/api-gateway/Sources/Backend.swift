import KataHarness

/// 2xx: the request succeeded.
public func isSuccess(_ status: Int) -> Bool { (200...299).contains(status) }

/// 5xx: the server failed; the same request may succeed later.
public func isServerError(_ status: Int) -> Bool { (500...599).contains(status) }

/// A request as a client sends it to the gateway.
public struct Request: Equatable, Sendable {
    public let method: String
    public let path: String
    /// The bearer token, if the client sent one.
    public let token: String?

    public init(_ method: String, _ path: String, token: String?) {
        self.method = method
        self.path = path
        self.token = token
    }
}

/// A request as the gateway forwards it: the same method and path, and the authenticated user.
public struct BackendRequest: Equatable, Sendable {
    public let method: String
    public let path: String
    public let user: String
    public let at: VirtualClock.Instant

    public init(method: String, path: String, user: String, at: VirtualClock.Instant) {
        self.method = method
        self.path = path
        self.user = user
        self.at = at
    }
}

/// A fake backend whose answers a test scripts call by call.
///
/// `call(_:)` does not move the clock: it says what the backend answers and after how long, and
/// the gateway decides how long it waits.
public final class ScriptedBackend {
    public enum Step: Equatable, Sendable {
        /// An HTTP answer.
        case respond(status: Int, body: String, after: Duration)
        /// The connection fails (refused, reset): no HTTP answer at all.
        case unreachable(after: Duration)
    }

    private var script: [Step]
    private let then: Step
    /// Every request forwarded to this backend, in order.
    public private(set) var calls: [BackendRequest] = []

    /// Answers with the script's steps in turn, then with `then` forever.
    public init(_ script: [Step] = [], then: Step) {
        self.script = script
        self.then = then
    }

    public func call(_ request: BackendRequest) -> Step {
        calls.append(request)
        return script.isEmpty ? then : script.removeFirst()
    }
}

/// How the gateway treats one route's calls.
public struct RoutePolicy: Equatable, Sendable {
    /// How long one attempt may take. 15 s is Envoy's default route timeout, which there bounds
    /// all attempts together.
    public var timeout: Duration
    /// Extra attempts after a failed one (a 5xx, a timeout or an unreachable backend), for
    /// idempotent methods only.
    public var retries: Int

    public init(timeout: Duration = .seconds(15), retries: Int = 0) {
        precondition(retries >= 0, "retries cannot be negative")
        self.timeout = timeout
        self.retries = retries
    }
}

/// One backend call of an aggregated response.
public struct Part {
    public let name: String
    public let backend: ScriptedBackend
    public let path: String
    public let timeout: Duration
    /// Without a required part there is no response; an optional one may be missing.
    public let required: Bool

    public init(_ name: String, backend: ScriptedBackend, path: String, timeout: Duration, required: Bool) {
        self.name = name
        self.backend = backend
        self.path = path
        self.timeout = timeout
        self.required = required
    }
}

/// The gateway's answer.
public struct Response: Equatable, Sendable {
    public let status: Int
    /// A proxied backend's body, or the gateway's own short explanation.
    public let body: String
    /// For a 405: the methods the path does allow, sorted.
    public let allow: [String]
    /// For an aggregated response: each part's body by name, and the optional parts that failed.
    public let parts: [String: String]
    public let missing: [String]

    public init(status: Int, body: String, allow: [String] = [], parts: [String: String] = [:], missing: [String] = []) {
        self.status = status
        self.body = body
        self.allow = allow
        self.parts = parts
        self.missing = missing
    }
}
