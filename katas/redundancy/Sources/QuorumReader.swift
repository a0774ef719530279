import KataHarness

/// A value as a replica stores it: newer writes carry higher versions.
public struct Versioned<Value> {
    public let version: Int
    public let value: Value

    public init(version: Int, value: Value) {
        self.version = version
        self.value = value
    }
}

/// The answer of a k-of-n read.
public struct QuorumRead<Value> {
    /// The newest of the `k` replies the read waited for.
    public let newest: Versioned<Value>
    /// The replicas whose successful replies made the quorum, in arrival order.
    public let repliedBy: [String]
}

/// Why a k-of-n read gave no answer.
public enum QuorumError: Error, Equatable {
    /// `k` is not between 1 and the number of replicas; nothing was sent.
    case invalidQuorum(k: Int, replicas: Int)
    /// So many replies failed that `k` successes became impossible.
    case unreachable(succeeded: Int, failed: Int)
}

/// Reads from all replicas at once and answers as soon as `k` of them have (a quorum read, as in
/// Dynamo-style stores where R replicas of N must answer).
public final class QuorumReader<Value> {
    public let replicas: [Replica<Versioned<Value>>]
    private let clock: VirtualClock

    public init(replicas: [Replica<Versioned<Value>>], clock: VirtualClock) {
        self.replicas = replicas
        self.clock = clock
    }

    /// Sends to every replica now and waits for `k` successes.
    ///
    /// - Replies are handled in arrival order (same instant: replica order).
    /// - At the `k`-th success: the clock is at its arrival, the outstanding requests are
    ///   cancelled, and the newest of the `k` values is returned (equal versions: the earlier reply).
    /// - As soon as more than `n - k` replies have failed: the outstanding requests are cancelled
    ///   and `.unreachable` is thrown with the counts so far.
    /// - `k` outside `1...n` throws `.invalidQuorum` without sending anything.
    public func read(k: Int) throws(QuorumError) -> QuorumRead<Value> {
        // TODO(kata): refuse an impossible k; send to every replica; handle replies in arrival order
        // until k have succeeded or too many have failed; cancel whatever is still outstanding.
        throw .unreachable(succeeded: 0, failed: 0)
    }
}
