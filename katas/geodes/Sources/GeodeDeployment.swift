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

    public init(geodes: [String], clock: VirtualClock, replicationLag: Duration) {
        self.geodes = geodes
        self.clock = clock
        self.defaultLag = replicationLag
    }

    /// Sets the lag from `origin` to `destination` for writes accepted from now on.
    public func setReplicationLag(_ lag: Duration, from origin: String, to destination: String) {
        // TODO(kata)
    }

    public func fail(_ geode: String) {
        // TODO(kata)
    }

    public func recover(_ geode: String) {
        // TODO(kata)
    }

    /// Whether `geode` is one of `geodes` and has not failed.
    public func isHealthy(_ geode: String) -> Bool {
        // TODO(kata)
        false
    }

    public func write(_ key: String, _ value: String, session: inout ClientSession) -> WriteResult {
        // TODO(kata): accept at the nearest healthy geode with its next sequence, schedule the
        // arrival at every other geode (now + that link's lag, never before the link's previous
        // arrival), and record the version in the session's token.
        .unavailable
    }

    public func read(_ key: String, session: ClientSession) -> ReadResult {
        // TODO(kata): the nearest healthy geode that has caught up with the token serves.
        .unavailable
    }

    /// Whether `geode`'s replica has applied every write `token` names.
    public func hasCaughtUp(_ geode: String, with token: SessionToken) -> Bool {
        // TODO(kata)
        false
    }

    /// What `geode`'s replica holds for `key` now, whether or not the geode is serving: among the
    /// writes it has applied, the last writer wins — the later acceptance, then the geode listed
    /// later in `geodes`, then the higher sequence.
    public func value(of key: String, at geode: String) -> String? {
        // TODO(kata)
        nil
    }
}
