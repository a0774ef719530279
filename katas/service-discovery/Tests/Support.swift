import KataHarness
import ServiceDiscoveryKata

/// The instant `ms` milliseconds after the clock started.
func at(ms: Int) -> VirtualClock.Instant { VirtualClock.Instant(offset: .milliseconds(ms)) }

/// The instant `s` seconds after the clock started.
func at(s: Int) -> VirtualClock.Instant { VirtualClock.Instant(offset: .seconds(s)) }

/// An instance of `service` whose address is derived from its id, so replacements are visible.
func instance(_ id: String, of service: String = "payments", address: String? = nil) -> Instance {
    Instance(id: id, service: service, address: address ?? "\(id).internal:8080")
}

/// A registry with the given instances registered and reporting `.passing` at the clock's now.
func servingRegistry(_ clock: VirtualClock, leaseDuration: Duration? = nil, serving instances: [Instance]) -> ServiceRegistry {
    let registry = leaseDuration.map { ServiceRegistry(clock: clock, leaseDuration: $0) } ?? ServiceRegistry(clock: clock)
    for instance in instances {
        registry.register(instance)
        registry.heartbeat(instance.id, health: .passing)
    }
    return registry
}

/// What `resolve` did, as one comparable value: its answer or its error.
enum Outcome: Equatable, CustomStringConvertible {
    case answered(Resolution)
    case failed(DiscoveryError)

    init(_ client: DiscoveryClient, _ service: String) {
        do { self = .answered(try client.resolve(service)) } catch { self = .failed(error) }
    }

    var description: String {
        switch self {
        case .answered(let r): "\(r.source) \(r.instances) age \(r.age)"
        case .failed(let error): "error \(error)"
        }
    }
}

func answered(_ instances: [Instance], _ source: ResolutionSource, age: Duration = .zero) -> Outcome {
    .answered(Resolution(instances: instances, source: source, age: age))
}
