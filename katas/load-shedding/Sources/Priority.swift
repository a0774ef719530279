/// How much a request matters, lowest first: the criticality classes of Google's SRE book
/// (chapter 21, "Handling Overload").
public enum Priority: Int, Comparable, CaseIterable, Sendable {
    case sheddable
    case sheddablePlus
    case critical
    case criticalPlus

    public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Why a request was turned away before any work started.
public enum ShedReason: Equatable, Sendable {
    /// Its class already fills its share of the concurrency limit.
    case overLimit
    /// Its deadline has passed: the caller has stopped waiting, so any work would be wasted.
    case deadlineExpired
}

/// The tuning of the adaptive limit, after `AIMDLimit` in Netflix's concurrency-limits library:
/// its back-off ratio, timeout and maximum, and its first releases' initial limit of 10.
public struct AIMDPolicy: Sendable {
    public var initialLimit: Int
    /// The limit never grows past this.
    public var maxLimit: Int
    /// On a drop the limit is multiplied by this and rounded down, to no less than 1.
    public var backoffRatio: Double
    /// A request slower than this counts as a drop, like a failure.
    public var latencyThreshold: Duration

    public init(
        initialLimit: Int = 10, maxLimit: Int = 200, backoffRatio: Double = 0.9,
        latencyThreshold: Duration = .seconds(5)
    ) {
        self.initialLimit = initialLimit
        self.maxLimit = maxLimit
        self.backoffRatio = backoffRatio
        self.latencyThreshold = latencyThreshold
    }
}

/// The fraction of the concurrency limit each class may fill; a class is admitted only while
/// fewer than `floor(limit × share)` requests are in flight in total.
public struct PriorityShares: Sendable {
    public var shares: [Priority: Double]

    /// The shares the load-shedding pattern page uses; they are illustrative, not from a standard.
    public static let standard = PriorityShares(shares: [
        .sheddable: 0.6, .sheddablePlus: 0.8, .critical: 0.95, .criticalPlus: 1.0,
    ])

    public init(shares: [Priority: Double]) {
        self.shares = shares
    }

    public func share(of priority: Priority) -> Double {
        shares[priority] ?? 1.0
    }
}
