import KataHarness

/// A client-side resolver: it caches the registry's answer per service, refreshes it after
/// `refreshInterval`, and when the registry cannot be reached it fails static — it keeps
/// serving the last list it got, but only while that list is younger than `maxStaleness`.
///
/// - A cached list younger than `refreshInterval` is served as `.cache`; the registry is not asked.
/// - Otherwise the registry is asked. Its answer — even an empty one, since a reachable registry
///   is the authority — replaces the cached list and is served as `.registry` with age zero.
/// - If the registry cannot be reached, the cached list is served as `.lastKnownGood` with its
///   age, while that age is below `maxStaleness`. The failed attempt does not make the list any
///   younger, so the next call asks the registry again.
/// - With no cached list, or one `maxStaleness` old or older, `resolve` throws
///   `.registryUnreachable(lastKnownAge:)` with the age of the list it had (nil for none).
public final class DiscoveryClient {
    private let link: RegistryLink
    private let clock: VirtualClock
    /// How long a list is fresh: Eureka clients fetch the registry every 30 s by default.
    public let refreshInterval: Duration
    /// The oldest list the client will still serve when the registry is unreachable.
    public let maxStaleness: Duration
    // TODO(kata): a cache: per service, the last list the registry gave and when.

    public init(link: RegistryLink, clock: VirtualClock, refreshInterval: Duration = .seconds(30), maxStaleness: Duration) {
        precondition(maxStaleness >= refreshInterval, "a list must be servable for at least as long as it is fresh")
        self.link = link
        self.clock = clock
        self.refreshInterval = refreshInterval
        self.maxStaleness = maxStaleness
    }

    /// The instances of `service` to call; see the type's contract.
    public func resolve(_ service: String) throws(DiscoveryError) -> Resolution {
        // TODO(kata): serve a fresh cached list; otherwise ask `link.lookup(service)` and cache
        // the answer; if the registry is unreachable, fall back to the last list while it is
        // younger than `maxStaleness`, or throw `.registryUnreachable(lastKnownAge:)`.
        throw .registryUnreachable(lastKnownAge: nil)
    }
}
