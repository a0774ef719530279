/// The registry could not be reached (a partition, or the registry's servers are down).
public struct RegistryUnreachable: Error, Equatable, Sendable {
    public init() {}
}

/// The network path from a client to the registry, which a test can cut.
///
/// Answers at once: the tests care about *whether* the registry answered, not how fast.
public final class RegistryLink {
    private let registry: ServiceRegistry
    /// Set to false to cut the client off from the registry.
    public var isReachable = true
    /// Every attempt to ask the registry, answered or not.
    public private(set) var lookups = 0

    public init(to registry: ServiceRegistry) {
        self.registry = registry
    }

    /// Asks the registry for the routable instances of `service` (passing or warning).
    public func lookup(_ service: String) throws(RegistryUnreachable) -> [Instance] {
        lookups += 1
        guard isReachable else { throw RegistryUnreachable() }
        return registry.lookup(service)
    }
}
