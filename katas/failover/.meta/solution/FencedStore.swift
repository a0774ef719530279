/// The answer to a write.
public enum WriteResult: Equatable, Sendable {
    case accepted
    /// The writer's epoch is older than one the store has seen: it is no longer the primary.
    case fenced(current: Int)
}

/// Storage that takes writes only from the newest primary.
///
/// The store remembers the highest epoch it has been told about, by a promotion (`fence`) or by a
/// write, and rejects any write stamped with a lower one. A primary that was paused, partitioned
/// or simply slow to notice its demotion still writes with its old epoch, and is refused.
public final class FencedStore {
    public private(set) var epoch = 0
    public private(set) var rows: [String: String] = [:]

    public init() {}

    /// Raises the epoch the store accepts writes from; never lowers it.
    public func fence(epoch newEpoch: Int) {
        epoch = max(epoch, newEpoch)
    }

    public func write(_ key: String, _ value: String, epoch writerEpoch: Int) -> WriteResult {
        guard writerEpoch >= epoch else { return .fenced(current: epoch) }
        epoch = writerEpoch
        rows[key] = value
        return .accepted
    }
}
