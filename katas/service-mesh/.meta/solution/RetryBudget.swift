/// Envoy's retry budget: retries in flight may be at most a percentage of the requests in flight,
/// but never fewer than a minimum, so a quiet service can still retry.
///
/// Shared by every caller of one upstream cluster. Callers report each request and each retry as
/// it starts and ends.
public final class RetryBudget {
    /// Retries in flight as a percentage of requests in flight (`budget_percent`, default 20).
    public let budgetPercent: Double
    /// Retries in flight allowed however few requests there are (`min_retry_concurrency`, default 3).
    public let minRetryConcurrency: Int

    /// Original requests in flight (retries not included).
    public private(set) var activeRequests = 0
    /// Retries in flight.
    public private(set) var activeRetries = 0

    public init(budgetPercent: Double = 20, minRetryConcurrency: Int = 3) {
        self.budgetPercent = budgetPercent
        self.minRetryConcurrency = minRetryConcurrency
    }

    /// How many retries may be in flight now: `max(minRetryConcurrency, ⌊budgetPercent / 100 × activeRequests⌋)`.
    public var retryLimit: Int {
        max(minRetryConcurrency, Int(budgetPercent * Double(activeRequests) / 100))
    }

    public func requestStarted() { activeRequests += 1 }
    public func requestFinished() { activeRequests -= 1 }

    /// Asks to start a retry: true, and counted, if fewer than `retryLimit` retries are in flight.
    public func tryStartRetry() -> Bool {
        guard activeRetries < retryLimit else { return false }
        activeRetries += 1
        return true
    }

    public func retryFinished() { activeRetries -= 1 }
}
