// swift-tools-version: 6.0
import PackageDescription

// The katas: one library target with the learner's stub and one test target per kata, plus a
// shared deterministic harness. Nothing beyond the toolchain, so a first `swift test` is quick.
//
//   swift test --filter CircuitBreaker     runs one kata's tests against your code

/// A kata's two targets: `folder/Sources` (your code) and `folder/Tests` (the checks).
func kata(_ module: String, folder: String) -> [Target] {
    [
        .target(name: module, dependencies: ["KataHarness"], path: "\(folder)/Sources"),
        .testTarget(
            name: "\(module)Tests",
            dependencies: [.target(name: module), "KataHarness"],
            path: "\(folder)/Tests"
        ),
    ]
}

let package = Package(
    name: "katas",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "KataHarness", targets: ["KataHarness"]),
    ],
    targets: [
        .target(name: "KataHarness", path: "Harness"),
        // The harness's own tests: the katas' determinism rests on it.
        .testTarget(name: "KataHarnessTests", dependencies: ["KataHarness"], path: "HarnessTests"),
    ]
    // The kata list: keep in the order of katas/*/kata.yml `order`.
    + kata("TimeoutKata", folder: "timeout")
    + kata("RetryKata", folder: "retry-with-backoff")
    + kata("CircuitBreakerKata", folder: "circuit-breaker")
    + kata("BulkheadKata", folder: "bulkhead")
    + kata("RateLimitingKata", folder: "rate-limiting")
    + kata("IdempotencyKeyKata", folder: "idempotency-key")
    + kata("TransactionalOutboxKata", folder: "transactional-outbox")
    + kata("SagaKata", folder: "saga")
    + kata("ShardingKata", folder: "sharding")
    + kata("CRDTKata", folder: "crdt")
    + kata("LogicalClocksKata", folder: "logical-clocks")
    + kata("CachingKata", folder: "caching-strategies")
)
