import ServiceMeshKata
import Testing

/// Starts `count` requests and as many retries as the budget admits (up to `tries`); returns how many were admitted.
func admittedRetries(_ budget: RetryBudget, requests count: Int, tries: Int = 100) -> Int {
    for _ in 0..<count { budget.requestStarted() }
    return (0..<tries).filter { _ in budget.tryStartRetry() }.count
}

@Suite("Retry budget")
struct RetryBudgetTests {
    @Test("Envoy's defaults: 20 % of active requests, at least 3 retries")
    func defaults() {
        let budget = RetryBudget()
        #expect(budget.budgetPercent == 20 && budget.minRetryConcurrency == 3,
                "the defaults should be Envoy's 20 % and 3, got \(budget.budgetPercent) % and \(budget.minRetryConcurrency)")
        let admitted = admittedRetries(budget, requests: 1)
        #expect(admitted == 3, "with 1 request in flight the minimum of 3 retries applies, but \(admitted) were admitted")
        #expect(budget.activeRetries == 3, "3 admitted retries should be counted as in flight, got \(budget.activeRetries)")
    }

    @Test("With many requests in flight, the limit is budgetPercent of them, rounded down")
    func percentageOfActiveRequests() {
        let expectations: [(requests: Int, limit: Int)] = [(25, 5), (24, 4), (14, 3), (99, 19), (100, 20)]
        for (requests, limit) in expectations {
            let budget = RetryBudget()
            let admitted = admittedRetries(budget, requests: requests)
            #expect(admitted == limit && budget.retryLimit == limit,
                    "20 % of \(requests) active requests, rounded down and at least 3, is \(limit); admitted \(admitted), retryLimit \(budget.retryLimit)")
        }
        let generous = RetryBudget(budgetPercent: 50, minRetryConcurrency: 1)
        #expect(admittedRetries(generous, requests: 3) == 1, "50 % of 3 is 1.5, rounded down to 1")
        let more = RetryBudget(budgetPercent: 50, minRetryConcurrency: 1)
        #expect(admittedRetries(more, requests: 4) == 2, "50 % of 4 is 2")
    }

    @Test("Finished retries and requests free the budget again")
    func finishingFreesBudget() {
        let budget = RetryBudget(budgetPercent: 20, minRetryConcurrency: 0)
        #expect(admittedRetries(budget, requests: 10) == 2, "20 % of 10 is 2")
        #expect(!budget.tryStartRetry(), "a 3rd retry should be refused while 2 are in flight")
        budget.retryFinished()
        #expect(budget.activeRetries == 1 && budget.tryStartRetry(), "once one retry finishes another may start")
        for _ in 0..<5 { budget.requestFinished() }
        #expect(budget.activeRequests == 5 && budget.retryLimit == 1,
                "with 5 requests left the limit is 20 % of 5 = 1; activeRequests \(budget.activeRequests), retryLimit \(budget.retryLimit)")
    }
}
