/// One running copy of a service, as the registry lists it.
///
/// Instances sort by `id`, so every lookup lists them in one order a test can compare.
public struct Instance: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Unique across the registry (Consul's service ID, Eureka's instance ID).
    public let id: String
    /// The logical name callers resolve, such as "payments".
    public let service: String
    /// Where to send requests, such as "10.0.1.7:8080".
    public let address: String

    public init(id: String, service: String, address: String) {
        self.id = id
        self.service = service
        self.address = address
    }

    public static func < (lhs: Instance, rhs: Instance) -> Bool { lhs.id < rhs.id }

    public var description: String { "\(id)@\(address)" }
}

/// What an instance says about itself in a heartbeat: Consul's three check states.
public enum Health: Sendable, CustomStringConvertible {
    /// Serving normally.
    case passing
    /// Serving, but degraded (Consul's HTTP check maps a 429 to this).
    case warning
    /// Not able to serve: alive enough to say so, but no traffic, please.
    case critical

    public var description: String {
        switch self {
        case .passing: "passing"
        case .warning: "warning"
        case .critical: "critical"
        }
    }
}

/// Where a client's answer came from.
public enum ResolutionSource: Sendable {
    /// Asked the registry just now.
    case registry
    /// A cached list younger than the refresh interval; the registry was not asked.
    case cache
    /// The registry was asked and could not be reached: the last list it gave, within the
    /// staleness bound.
    case lastKnownGood
}

/// A client's answer to "where is service X?".
public struct Resolution: Equatable, Sendable {
    public let instances: [Instance]
    public let source: ResolutionSource
    /// How long ago the registry gave this list; zero when it was just asked.
    public let age: Duration

    public init(instances: [Instance], source: ResolutionSource, age: Duration) {
        self.instances = instances
        self.source = source
        self.age = age
    }
}

/// Why a client could not answer.
public enum DiscoveryError: Error, Equatable, Sendable {
    /// The registry could not be reached, and the client has no list for the service
    /// (`lastKnownAge == nil`) or only one at least `maxStaleness` old.
    case registryUnreachable(lastKnownAge: Duration?)
}
