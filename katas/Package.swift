// swift-tools-version: 6.0
import PackageDescription

// The katas: one library target with the learner's stub and one test target per kata, a shared
// deterministic harness, and the learner's tool. Nothing beyond the toolchain, so the first
// `swift run kata` is quick.
//
//   swift run kata            checks the next unsolved kata on every save (see README.md)

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
        // The learner's loop, also the engine of the site generator's `patterns kata` front door.
        .library(name: "KataLearner", targets: ["KataLearner"]),
        .executable(name: "kata", targets: ["kata"]),
    ],
    targets: [
        .target(name: "KataLearner", path: "Tools/KataLearner"),
        .executableTarget(name: "kata", dependencies: ["KataLearner"], path: "Tools/kata"),
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
    + kata("HeartbeatKata", folder: "heartbeat")
    + kata("ThrottlingKata", folder: "throttling")
    + kata("MessageQueueKata", folder: "message-queue")
    + kata("AutoScalingKata", folder: "auto-scaling")
    + kata("LoadBalancingKata", folder: "load-balancing")
    + kata("LoadSheddingKata", folder: "load-shedding")
    + kata("LoadLevelingKata", folder: "queue-based-load-leveling")
    + kata("FailoverKata", folder: "failover")
    + kata("RedundancyKata", folder: "redundancy")
    + kata("ServiceMeshKata", folder: "service-mesh")
    + kata("HealthEndpointKata", folder: "health-endpoint-monitoring")
    + kata("CallbackKata", folder: "callback")
    + kata("ShardingKata", folder: "sharding")
    + kata("CRDTKata", folder: "crdt")
    + kata("LogicalClocksKata", folder: "logical-clocks")
    + kata("CachingKata", folder: "caching-strategies")
    + kata("ChaosKata", folder: "chaos-engineering")
    + kata("GracefulDegradationKata", folder: "graceful-degradation")
    + kata("APIGatewayKata", folder: "api-gateway")
    + kata("ServiceDiscoveryKata", folder: "service-discovery")
    + kata("EventDrivenKata", folder: "event-driven-architecture")
    + kata("StatelessKata", folder: "stateless-services")
    + kata("MultiRegionKata", folder: "multi-region")
    + kata("GeodesKata", folder: "geodes")
    + kata("DeploymentStampsKata", folder: "deployment-stamps")
)
