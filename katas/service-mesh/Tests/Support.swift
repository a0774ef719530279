import KataHarness
import ServiceMeshKata

extension Duration {
    static func ms(_ value: Int) -> Duration { .milliseconds(value) }
}

extension VirtualClock.Instant {
    static func seconds(_ value: Double) -> VirtualClock.Instant { VirtualClock.Instant(offset: .seconds(value)) }
}

/// Host names "h0", "h1", … for detectors that only need a pool of a given size.
func pool(_ count: Int) -> [String] { (0..<count).map { "h\($0)" } }

/// Records `count` replies of `status` from `host`.
func record(_ detector: OutlierDetector, _ status: Int, from host: String, times count: Int = 1) {
    for _ in 0..<count { detector.record(status, from: host) }
}

/// A host that answers `statuses` in order, each after `latency`, then 200 at once.
func host(_ name: String, _ statuses: [Int], after latency: Duration = .zero) -> UpstreamHost {
    UpstreamHost(name: name, script: statuses.map { UpstreamHost.Reply(status: $0, after: latency) })
}
