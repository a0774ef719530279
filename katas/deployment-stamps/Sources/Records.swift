/// One stamp: a complete, independent copy of the system, with room for a fixed amount of load.
public struct Stamp: Equatable, Sendable {
    public let name: String
    /// In load units (seats, say); every tenant placed or moving here uses its size of them.
    public let capacity: Int

    public init(name: String, capacity: Int) {
        self.name = name
        self.capacity = capacity
    }
}

public enum WriteOutcome: Equatable, Sendable {
    /// Acknowledged by the store of this stamp.
    case accepted(stamp: String)
    /// The tenant is being drained for a move: nothing was written, so try again shortly.
    case retryLater
    case unknownTenant
}

/// Where a tenant stands.
public enum TenantPhase: Equatable, Sendable {
    case serving
    /// Being copied to another stamp while its own still takes writes; `pending` keys still need copying.
    case copying(pending: Int)
    /// Writes are held off so the last `pending` keys can be copied before the switch.
    case draining(pending: Int)
}

public enum MoveError: Error, Equatable, Sendable {
    case unknownTenant
    case unknownStamp
    case alreadyThere
    case alreadyMoving
    case notEnoughRoom(free: Int, needed: Int)
    case notMoving
    case notDraining
    case copyIncomplete(pending: Int)
}
