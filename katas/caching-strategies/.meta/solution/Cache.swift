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

    private enum Entry {
        case present(Value, expires: VirtualClock.Instant)
        case absent(expires: VirtualClock.Instant)

        var expires: VirtualClock.Instant {
            switch self {
            case let .present(_, expires), let .absent(expires): expires
            }
        }
    }

    private let backend: Backend<Value>
    private let clock: VirtualClock
    private let ttl: Duration
    private let negativeTTL: Duration
    private var entries: [String: Entry] = [:]
    /// Keys with a load in flight, and who is waiting for each, in arrival order.
    private var waiters: [String: [Delivery]] = [:]

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
        if let entry = entries[key], clock.now < entry.expires {
            switch entry {
            case let .present(value, _): deliver(.success(value))
            case .absent: deliver(.success(nil))
            }
            return
        }
        if waiters[key] != nil {
            waiters[key]?.append(deliver)
            return
        }
        waiters[key] = [deliver]
        backend.startLoad(key) { [weak self] result in
            self?.finish(key, with: result)
        }
    }

    /// Writes the backend, then invalidates the cached entry so the next read loads the new row.
    public func write(_ key: String, _ value: Value?) {
        backend.write(key, value)
        entries[key] = nil
    }

    /// Stores a finished load's result and hands it to everyone waiting for the key.
    private func finish(_ key: String, with result: Result<Value?, BackendError>) {
        switch result {
        case let .success(value?):
            entries[key] = .present(value, expires: clock.now + ttl)
        case .success(nil):
            entries[key] = .absent(expires: clock.now + negativeTTL)
        case .failure:
            // Not remembered: the next get tries the backend again.
            break
        }
        let waiting = waiters.removeValue(forKey: key) ?? []
        for deliver in waiting { deliver(result) }
    }
}
