import KataHarness

/// Per-tenant request quotas over fixed periods, answering 429 with `Retry-After` when spent.
///
/// Periods are aligned to the clock's origin: `[n·period, (n+1)·period)`. Each tenant may send
/// its limit (`limits[tenant]`, else `defaultLimit`) in each period; a refused request uses nothing.
public final class TenantQuotas {
    public let defaultLimit: Int
    public let limits: [String: Int]
    public let period: Duration

    private let clock: VirtualClock
    /// Per tenant: the period its count belongs to, and the requests admitted in it.
    private var usage: [String: (period: Int64, count: Int)] = [:]

    /// - Precondition: `period > 0`.
    public init(defaultLimit: Int, limits: [String: Int] = [:], period: Duration, clock: VirtualClock) {
        precondition(period > .zero, "a quota period must be positive")
        self.defaultLimit = defaultLimit
        self.limits = limits
        self.period = period
        self.clock = clock
    }

    /// Admits one request from `tenant` (200) or refuses it (429, retry when the next period starts).
    public func admit(tenant: String) -> QuotaResponse {
        let current = periodIndex()
        var count = usage[tenant].flatMap { $0.period == current ? $0.count : nil } ?? 0
        guard count < (limits[tenant] ?? defaultLimit) else {
            let nextPeriodStarts = period * current + period
            let wait = (nextPeriodStarts - clock.now.offset).seconds
            // delay-seconds is a whole number; rounding down would send the client back too early.
            return .tooManyRequests(retryAfterSeconds: Int(wait.rounded(.up)))
        }
        count += 1
        usage[tenant] = (current, count)
        return .ok
    }

    private func periodIndex() -> Int64 {
        Int64((clock.now.offset / period).rounded(.down))
    }
}
