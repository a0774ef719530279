import KataHarness

/// The shared session store: versioned sessions, conditional writes, and an idle timeout.
///
/// - A session exists from the write that creates it (`expectedVersion: 0`) until it has gone
///   unused for `idleTimeout`: every successful read and write pushes its expiry to
///   `now + idleTimeout`, and at that instant it is gone.
/// - `write` succeeds only when `expectedVersion` is the session's current version, or 0 for a
///   session that does not exist; the session then gets a new version. Anything else is a
///   `conflict` carrying the current version (nil: no session) and changes nothing.
/// - Versions come from one counter for the whole store, starting at 1. A session created again
///   after it expired therefore never gets a version a slow writer could still hold.
public final class SessionStore: SessionBackend {
    private struct Entry {
        var session: StoredSession
        var expiresAt: VirtualClock.Instant
    }

    private let clock: VirtualClock
    /// How long a session lives unused: ASP.NET Core's session `IdleTimeout`, 20 minutes.
    public let idleTimeout: Duration
    private var entries: [String: Entry] = [:]
    private var lastVersion = 0

    public init(clock: VirtualClock, idleTimeout: Duration = .seconds(20 * 60)) {
        self.clock = clock
        self.idleTimeout = idleTimeout
    }

    /// The session, or nil when it was never written or has expired; a hit renews its idle timeout.
    public func read(_ id: String) -> StoredSession? {
        guard var entry = liveEntry(id) else { return nil }
        entry.expiresAt = clock.now + idleTimeout
        entries[id] = entry
        return entry.session
    }

    /// A conditional write; see the type's contract.
    public func write(_ id: String, _ cart: Cart, expectedVersion: Int) -> WriteResult {
        let current = liveEntry(id)?.session.version
        guard (current ?? 0) == expectedVersion else { return .conflict(current: current) }
        lastVersion += 1
        entries[id] = Entry(session: StoredSession(cart: cart, version: lastVersion), expiresAt: clock.now + idleTimeout)
        return .written(version: lastVersion)
    }

    /// An expired entry stays in the table but is never answered again; a create replaces it.
    private func liveEntry(_ id: String) -> Entry? {
        guard let entry = entries[id], clock.now < entry.expiresAt else { return nil }
        return entry
    }
}
