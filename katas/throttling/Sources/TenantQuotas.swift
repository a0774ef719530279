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

    /// - Precondition: `period > 0`.
    public init(defaultLimit: Int, limits: [String: Int] = [:], period: Duration, clock: VirtualClock) {
        self.defaultLimit = defaultLimit
        self.limits = limits
        self.period = period
        self.clock = clock
    }

    /// Admits one request from `tenant` (200) or refuses it (429, retry when the next period starts).
    public func admit(tenant: String) -> QuotaResponse {
        // TODO(kata): find the current period, reset the tenant's count when it has moved on,
        // admit while the count is below the tenant's limit, otherwise answer 429 with the
        // seconds until the next period, rounded up.
        return .ok
    }
}
