/// A health check of one thing the service needs — `SELECT 1` against the database, a ping to a
/// cache — whose answers a test scripts run by run. Given: you do not write this.
///
/// `run()` does not move the clock: it says how the check will end and how long it takes, and the
/// endpoint decides whether to wait that long or to give up at the check's timeout.
public final class ScriptedCheck {
    /// How one run of the check ends.
    public enum Outcome: Equatable, Sendable {
        case healthy(after: Duration)
        case unhealthy(String, after: Duration)

        public var latency: Duration {
            switch self {
            case .healthy(let after), .unhealthy(_, let after): after
            }
        }
    }

    public let name: String
    private var script: [Outcome]
    private let then: Outcome
    /// How many times the check has been run.
    public private(set) var runs = 0

    public init(name: String, script: [Outcome] = [], then: Outcome = .healthy(after: .zero)) {
        self.name = name
        self.script = script
        self.then = then
    }

    /// Runs the check once: the next scripted outcome (then `then`, for ever).
    public func run() -> Outcome {
        runs += 1
        return script.isEmpty ? then : script.removeFirst()
    }
}

/// The result of one check in a health response.
public struct CheckResult: Equatable, Sendable {
    public let name: String
    public let passed: Bool
    /// "ok", the failure's reason, or "timed out after …".
    public let detail: String
    /// True if this result was reused from the cache instead of running the check.
    public let cached: Bool

    public init(name: String, passed: Bool, detail: String, cached: Bool) {
        self.name = name
        self.passed = passed
        self.detail = detail
        self.cached = cached
    }
}

/// What a health endpoint answers: a status code and every check behind it.
public struct HealthResponse: Equatable, Sendable {
    public let status: Int
    public let checks: [CheckResult]

    public init(status: Int, checks: [CheckResult]) {
        self.status = status
        self.checks = checks
    }

    /// The body, a small JSON document listing each check, for people and dashboards.
    public var body: String {
        let items = checks.map { check in
            "{\"name\":\"\(check.name)\",\"passed\":\(check.passed),\"detail\":\"\(escaped(check.detail))\",\"cached\":\(check.cached)}"
        }
        return "{\"status\":\(status),\"checks\":[\(items.joined(separator: ","))]}"
    }

    /// `text` with quotes and backslashes escaped, so a reason cannot break the JSON.
    private func escaped(_ text: String) -> String {
        String(text.flatMap { $0 == "\"" || $0 == "\\" ? ["\\", $0] : [$0] })
    }
}
