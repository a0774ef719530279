/// Hysteresis: how many checks in a row it takes to change a node's standing.
public struct FailoverPolicy: Sendable {
    /// Consecutive missed checks after which a node is down (and a primary is failed over).
    public var missesToFail: Int
    /// Consecutive passed checks after which a node that was down may be promoted again.
    public var passesToRecover: Int

    /// HAProxy's health-check defaults: `fall 3`, `rise 2`.
    public init(missesToFail: Int = 3, passesToRecover: Int = 2) {
        self.missesToFail = missesToFail
        self.passesToRecover = passesToRecover
    }
}

/// One promotion: who became primary, with which epoch.
public struct Promotion: Equatable, Sendable {
    public let node: String
    public let epoch: Int

    public init(node: String, epoch: Int) {
        self.node = node
        self.epoch = epoch
    }
}

/// An active–passive failover controller.
///
/// The first node starts as primary with epoch 1; the others stand by. The controller is told the
/// result of every health check. A node that misses `missesToFail` checks in a row is down; when
/// the primary is down, the first standby in node order that is eligible is promoted with the next
/// epoch, and the store is fenced to it before the new primary may write. A node that was down
/// becomes eligible again after `passesToRecover` passes in a row, but it is not promoted back
/// while the current primary is healthy: there is no automatic fail-back, so no flapping.
public final class FailoverController {
    public let nodes: [String]
    public let policy: FailoverPolicy
    public private(set) var primary: String
    public private(set) var epoch = 1
    public private(set) var promotions: [Promotion] = []

    private let store: FencedStore

    public init(nodes: [String], store: FencedStore, policy: FailoverPolicy = FailoverPolicy()) {
        self.nodes = nodes
        self.policy = policy
        self.store = store
        self.primary = nodes.first ?? ""
        // TODO(kata): the store must accept the first primary's epoch from the start.
    }

    /// Whether `node` could be promoted now: a member that is not down.
    public func isEligible(_ node: String) -> Bool {
        // TODO(kata)
        false
    }

    /// The epoch `node` must stamp its writes with, if it is the primary now.
    public func epoch(of node: String) -> Int? {
        // TODO(kata)
        nil
    }

    /// Records one health check of `node`, then fails over if the primary is down.
    public func record(_ node: String, passed: Bool) {
        // TODO(kata): keep runs of misses and passes per node; N misses make a node down, M passes
        // bring it back; when the primary is down, promote the first eligible standby with the
        // next epoch and fence the store to it.
    }
}
