import Foundation
import Testing
import PatternsKatas

/// `swift test --filter CircuitBreaker` at the repository root used to build for minutes, run
/// zero tests and pass. A filter is a regex searched in test ids, so this suite is named after
/// every kata's test target: such a filter selects it, and it fails saying where kata tests run.
@Suite struct TimeoutKataTests_RetryKataTests_CircuitBreakerKataTests_BulkheadKataTests_RateLimitingKataTests_IdempotencyKeyKataTests_TransactionalOutboxKataTests_SagaKataTests_HeartbeatKataTests_ThrottlingKataTests_MessageQueueKataTests_AutoScalingKataTests_LoadBalancingKataTests_LoadSheddingKataTests_LoadLevelingKataTests_FailoverKataTests_RedundancyKataTests_ServiceMeshKataTests_HealthEndpointKataTests_CallbackKataTests_ShardingKataTests_CRDTKataTests_LogicalClocksKataTests_CachingKataTests_ChaosKataTests_GracefulDegradationKataTests_APIGatewayKataTests_ServiceDiscoveryKataTests_EventDrivenKataTests_StatelessKataTests_MultiRegionKataTests_GeodesKataTests_DeploymentStampsKataTests {
    static var suiteName: String { "\(Self.self)" }

    /// The `--filter` values this test process was started with (`swift test` passes them on).
    static func filters(in arguments: [String]) -> [String] {
        zip(arguments, arguments.dropFirst()).filter { $0.0 == "--filter" }.map(\.1)
    }

    /// True when a filter picked a kata's tests rather than something of this package.
    static func selectsKataTests(_ filters: [String]) -> Bool {
        filters.contains { filter in
            guard let regex = try? NSRegularExpression(pattern: filter) else { return false }
            func matches(_ text: String) -> Bool {
                regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            }
            let kataTargets = suiteName.split(separator: "_").map(String.init)
            return kataTargets.contains(where: matches) && !matches("PatternsKatasTests.") && !matches("kataTestsRunInKatas")
        }
    }

    @Test("A kata's tests run in the katas package; asked for here, this fails and says where")
    func kataTestsRunInKatas() {
        let filters = Self.filters(in: CommandLine.arguments)
        #expect(!Self.selectsKataTests(filters), """
            The katas are a package of their own: this one has none of their tests. Run them with
                cd katas && swift run kata check ID      (swift run kata list shows the ids)
            """)
    }

    @Test("Only a filter naming a kata's tests trips the guard")
    func guardTrips() {
        #expect(Self.selectsKataTests(["CircuitBreaker"]))
        #expect(Self.selectsKataTests(["SagaKataTests"]))
        #expect(!Self.selectsKataTests(["PatternsKatasTests"]))
        #expect(!Self.selectsKataTests(["Golden"]))
        #expect(Self.filters(in: ["x", "--filter", "A", "--skip", "B"]) == ["A"])
    }

    @Test("The suite's name lists every kata's test target, so every kata filter reaches the guard")
    func namesEveryKata() {
        let katas = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("katas").path
        let catalog = KataCatalog.load(KataLayout(katasRoot: katas), DiskFileSystem())
        #expect(catalog.katas.count >= 8)
        let named = Set(Self.suiteName.split(separator: "_").map(String.init))
        for kata in catalog.katas {
            #expect(named.contains(kata.testTarget), "add \(kata.testTarget) to this suite's name")
        }
    }
}
