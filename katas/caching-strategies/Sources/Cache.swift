import KataHarness

/// A cache-aside cache in front of a `Backend`, with a TTL, single-flight loading, negative
/// caching and invalidation on write.
///
/// - A value loaded from the backend is kept for `ttl`, measured from when its load finished; at
///   exactly `stored + ttl` it has expired.
/// - A key the backend does not have (a load that returns nil) is remembered as absent for
///   `negativeTTL`, so repeated lookups of a missing key do not all reach the backend.
/// - Single flight: while a key's load is in flight, further misses for that key wait for it; the
///   backend sees one load, and every waiter gets its result, in the order they asked.
/// - A failed load is not cached at all; every waiter gets the error.
/// - `write` writes the backend first and then deletes the cached entry (positive or negative).
///   This leaves a race: a load that began before the write may finish after it and put the old
///   value back, to be served until its TTL runs out. The TTL is what bounds that staleness.
public final class Cache<Value> {
    public typealias Delivery = (Result<Value?, BackendError>) -> Void

    private let backend: Backend<Value>
    private let clock: VirtualClock
    private let ttl: Duration
    private let negativeTTL: Duration
    // TODO(kata): the cached entries (a value or "absent", each with its expiry), and for each
    // key with a load in flight the deliveries waiting for it.

    public init(backend: Backend<Value>, clock: VirtualClock, ttl: Duration, negativeTTL: Duration) {
        self.backend = backend
        self.clock = clock
        self.ttl = ttl
        self.negativeTTL = negativeTTL
    }

    /// Answers at once from a fresh entry; otherwise joins the key's load, starting it if none
    /// is in flight. `deliver` gets the value, nil for a key the backend does not have, or the
    /// backend's error.
    public func get(_ key: String, deliver: @escaping Delivery) {
        // TODO(kata): a fresh entry answers at once (fresh means now < expiry). Otherwise, if a load
        // of this key is in flight, wait for it; if not, remember the delivery and start one with
        // backend.startLoad, whose completion stores the result and delivers it to every waiter.
        deliver(.success(nil))
    }

    /// Writes the backend, then invalidates the cached entry so the next read loads the new row.
    public func write(_ key: String, _ value: Value?) {
        // TODO(kata): write first, then delete the entry.
    }
}
