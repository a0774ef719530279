/// The version a geode gave one write: the geode that accepted it and its place in that geode's
/// stream of writes (1, 2, 3, … per geode).
public struct Version: Hashable, Sendable, CustomStringConvertible {
    public let geode: String
    public let sequence: Int

    public init(geode: String, sequence: Int) {
        self.geode = geode
        self.sequence = sequence
    }

    public var description: String { "\(geode)#\(sequence)" }
}

/// What a client carries between requests so that it reads its own writes: per geode, the highest
/// sequence of the client's writes that geode accepted. A geode has caught up with the token when
/// it has applied every one of them.
public struct SessionToken: Equatable, Sendable, CustomStringConvertible {
    public internal(set) var versions: [String: Int]

    public init(versions: [String: Int] = [:]) {
        self.versions = versions
    }

    public var description: String {
        "[" + versions.sorted { $0.key < $1.key }.map { "\($0.key)#\($0.value)" }.joined(separator: ", ") + "]"
    }
}

/// One client: how far each geode is from it, and its session token.
public struct ClientSession: Sendable {
    /// Round-trip time from this client to each geode it can reach; a geode missing here is
    /// unreachable for it.
    public let roundTrips: [String: Duration]
    public internal(set) var token = SessionToken()

    public init(roundTrips: [String: Duration]) {
        self.roundTrips = roundTrips
    }
}

public enum WriteResult: Equatable, Sendable {
    case accepted(Version)
    /// No healthy geode is reachable.
    case unavailable
}

public enum ReadResult: Equatable, Sendable {
    /// The value (nil: the key was never written) and the geode that served it.
    case value(String?, servedBy: String)
    /// Healthy geodes are reachable, but none has caught up with the client's token yet; the client
    /// may retry later. (Cosmos DB's SDKs surface this as 404 with sub-status 1002.)
    case sessionNotAvailable
    /// No healthy geode is reachable.
    case unavailable
}
