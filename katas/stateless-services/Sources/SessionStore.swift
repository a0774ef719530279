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
    private let clock: VirtualClock
    /// How long a session lives unused: ASP.NET Core's session `IdleTimeout`, 20 minutes.
    public let idleTimeout: Duration
    // TODO(kata): per session id, the stored session and the instant it expires; and the last
    // version handed out, for the whole store.

    public init(clock: VirtualClock, idleTimeout: Duration = .seconds(20 * 60)) {
        self.clock = clock
        self.idleTimeout = idleTimeout
    }

    /// The session, or nil when it was never written or has expired; a hit renews its idle timeout.
    public func read(_ id: String) -> StoredSession? {
        // TODO(kata): nil when absent or expired (now at or past its expiry); otherwise push the
        // expiry to now + idleTimeout and return it.
        nil
    }

    /// A conditional write; see the type's contract.
    public func write(_ id: String, _ cart: Cart, expectedVersion: Int) -> WriteResult {
        // TODO(kata): compare expectedVersion with the live session's version (0 when there is
        // none); on a match store the cart under the next version with a fresh expiry.
        .conflict(current: nil)
    }
}
