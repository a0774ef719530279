import KataHarness

/// Identical geodes over one replicated data plane: any geode serves any read or write.
///
/// Every request goes to the nearest healthy geode the client can reach (ties: the first in
/// `geodes`). A write is accepted there at once, versioned with that geode's next sequence, and
/// replicated to every other geode after the lag of that link; each link delivers in order. A
/// geode's replica resolves concurrent writes to one key by last writer wins. A read honours the
/// client's session token: if the nearest geode has not applied every write the token names, the
/// read is answered by the nearest healthy geode that has, and if none has, it fails with
/// `sessionNotAvailable` rather than return data older than the client's own writes. A failed
/// geode stops serving, but its replica stays in the data plane and keeps replicating.
public final class GeodeDeployment {
    public let geodes: [String]

    private let clock: VirtualClock
    private let defaultLag: Duration
    private var lags: [Link: Duration] = [:]
    private var lastArrival: [Link: VirtualClock.Instant] = [:]
    private var failed: Set<String> = []
    private var sequences: [String: Int] = [:]
    /// Every accepted write in the order accepted, with its arrival at each other geode.
    private var log: [Entry] = []

    private struct Link: Hashable {
        let from: String
        let to: String
    }

    private struct Entry {
        let key: String
        let value: String
        let version: Version
        let acceptedAt: VirtualClock.Instant
        let arrivals: [String: VirtualClock.Instant]
        /// The accepting geode's place in `geodes`: the tie-break of last writer wins.
        let originIndex: Int

        /// Last writer wins: the later acceptance, then the geode listed later, then the later write.
        var rank: (Duration, Int, Int) { (acceptedAt.offset, originIndex, version.sequence) }
    }

    public init(geodes: [String], clock: VirtualClock, replicationLag: Duration) {
        self.geodes = geodes
        self.clock = clock
        self.defaultLag = replicationLag
    }

    /// Sets the lag from `origin` to `destination` for writes accepted from now on.
    public func setReplicationLag(_ lag: Duration, from origin: String, to destination: String) {
        lags[Link(from: origin, to: destination)] = lag
    }

    public func fail(_ geode: String) { failed.insert(geode) }
    public func recover(_ geode: String) { failed.remove(geode) }

    /// Whether `geode` is one of `geodes` and has not failed.
    public func isHealthy(_ geode: String) -> Bool {
        geodes.contains(geode) && !failed.contains(geode)
    }

    public func write(_ key: String, _ value: String, session: inout ClientSession) -> WriteResult {
        guard let origin = reachableHealthy(session).first else { return .unavailable }
        let geode = origin.geode
        let sequence = sequences[geode, default: 0] + 1
        sequences[geode] = sequence
        var arrivals: [String: VirtualClock.Instant] = [:]
        for destination in geodes where destination != geode {
            let link = Link(from: geode, to: destination)
            let due = clock.now + (lags[link] ?? defaultLag)
            let arrival = max(due, lastArrival[link] ?? due)
            lastArrival[link] = arrival
            arrivals[destination] = arrival
        }
        let version = Version(geode: geode, sequence: sequence)
        log.append(Entry(key: key, value: value, version: version, acceptedAt: clock.now, arrivals: arrivals, originIndex: origin.index))
        session.token.versions[geode] = sequence           // a geode's sequences only grow
        return .accepted(version)
    }

    public func read(_ key: String, session: ClientSession) -> ReadResult {
        let candidates = reachableHealthy(session)
        guard !candidates.isEmpty else { return .unavailable }
        guard let server = candidates.first(where: { hasCaughtUp($0.geode, with: session.token) })?.geode else {
            return .sessionNotAvailable
        }
        return .value(value(of: key, at: server), servedBy: server)
    }

    /// Whether `geode`'s replica has applied every write `token` names.
    public func hasCaughtUp(_ geode: String, with token: SessionToken) -> Bool {
        token.versions.allSatisfy { origin, sequence in
            log.contains { $0.version.geode == origin && $0.version.sequence >= sequence && isApplied($0, at: geode) }
        }
    }

    /// What `geode`'s replica holds for `key` now, whether or not the geode is serving: among the
    /// writes it has applied, the last writer wins — the later acceptance, then the geode listed
    /// later in `geodes`, then the higher sequence.
    public func value(of key: String, at geode: String) -> String? {
        log.filter { $0.key == key && isApplied($0, at: geode) }
            .max { $0.rank < $1.rank }?
            .value
    }

    private func isApplied(_ entry: Entry, at geode: String) -> Bool {
        entry.version.geode == geode || entry.arrivals[geode].map { $0 <= clock.now } == true
    }

    /// The healthy geodes the client can reach with their places in `geodes`, nearest first; ties
    /// keep the order of `geodes`.
    private func reachableHealthy(_ session: ClientSession) -> [(index: Int, geode: String)] {
        let reachable = geodes.enumerated().filter { isHealthy($0.element) && session.roundTrips[$0.element] != nil }
        return reachable.sorted {
            (session.roundTrips[$0.element, default: .zero], $0.offset) < (session.roundTrips[$1.element, default: .zero], $1.offset)
        }.map { (index: $0.offset, geode: $0.element) }
    }
}
