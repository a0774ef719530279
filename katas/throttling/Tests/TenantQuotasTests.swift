import KataHarness
import Testing
import ThrottlingKata

private func admitted(_ count: Int, tenant: String, by quotas: TenantQuotas) -> Int {
    (0..<count).filter { _ in quotas.admit(tenant: tenant) == .ok }.count
}

@Suite("Throttling: per-tenant quotas")
struct TenantQuotasTests {
    @Test("A tenant gets exactly its limit in a period, then 429 with a Retry-After")
    func limitThen429() {
        let clock = VirtualClock()
        let quotas = TenantQuotas(defaultLimit: 3, period: .seconds(60), clock: clock)
        clock.advance(by: .seconds(10))

        let passed = admitted(3, tenant: "acme", by: quotas)
        let refused = quotas.admit(tenant: "acme")

        #expect(passed == 3, "a tenant with a limit of 3 had \(passed) of its first 3 requests admitted")
        #expect(refused == .tooManyRequests(retryAfterSeconds: 50), "the 4th request at t = 10 s in a 60 s period got \(refused), expected 429 with Retry-After 50")
        #expect(refused.status == 429 && refused.headers["Retry-After"] == "50", "the refusal must be status 429 with a Retry-After header of 50, got \(refused)")
    }

    @Test("Retry-After is the whole seconds until the next period starts, rounded up")
    func retryAfterRoundsUp() {
        let clock = VirtualClock()
        let quotas = TenantQuotas(defaultLimit: 1, period: .seconds(60), clock: clock)
        #expect(quotas.admit(tenant: "acme") == .ok, "a tenant's first request was refused")

        let cases: [(at: Duration, retryAfter: Int)] = [
            (.zero, 60), (.milliseconds(500), 60), (.seconds(1), 59), (.milliseconds(58_001), 2),
            (.seconds(59), 1), (.milliseconds(59_999), 1),
        ]
        for (at, retryAfter) in cases {
            clock.advance(to: VirtualClock.Instant(offset: at))
            let response = quotas.admit(tenant: "acme")
            #expect(response == .tooManyRequests(retryAfterSeconds: retryAfter), "at t = \(at) in the first 60 s period the refusal was \(response), expected Retry-After \(retryAfter) (whole seconds, rounded up)")
        }
    }

    @Test("A new period gives a full quota from exactly its first instant")
    func periodBoundary() {
        for period in [Duration.seconds(60), .seconds(1)] {
            let clock = VirtualClock()
            let quotas = TenantQuotas(defaultLimit: 2, period: period, clock: clock)
            clock.advance(by: period - .milliseconds(1))
            #expect(admitted(3, tenant: "acme", by: quotas) == 2, "a limit of 2 did not admit exactly 2 in the first \(period) period")

            clock.advance(by: .milliseconds(1))
            #expect(admitted(3, tenant: "acme", by: quotas) == 2, "at exactly t = \(period) a new period starts with a full quota of 2")
            clock.advance(by: period * 3)
            #expect(admitted(3, tenant: "acme", by: quotas) == 2, "three periods later the quota must be full again")
        }
    }

    @Test("Each tenant has its own count and, if configured, its own limit")
    func perTenant() {
        let clock = VirtualClock()
        let quotas = TenantQuotas(defaultLimit: 2, limits: ["big": 5, "tiny": 1], period: .seconds(60), clock: clock)

        let noisy = admitted(10, tenant: "noisy", by: quotas)
        let quiet = admitted(10, tenant: "quiet", by: quotas)
        let big = admitted(10, tenant: "big", by: quotas)
        let tiny = admitted(10, tenant: "tiny", by: quotas)

        #expect(noisy == 2 && quiet == 2, "two tenants on the default limit of 2 were admitted \(noisy) and \(quiet): counts must be per tenant")
        #expect(big == 5, "a tenant with its own limit of 5 was admitted \(big)")
        #expect(tiny == 1, "a tenant with its own limit of 1 was admitted \(tiny)")
    }
}
