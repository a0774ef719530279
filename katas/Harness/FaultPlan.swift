/// One place in an operation where a fault can strike: the `step`-th point the process passed,
/// counted across every system that shares the plan.
public struct FaultPoint: Hashable, Sendable, CustomStringConvertible {
    public enum Moment: String, Hashable, Sendable {
        /// A transaction's body has run; nothing of it is durable yet.
        case beforeCommit
        /// A transaction is durable; its caller has not seen the result yet.
        case afterCommit
        /// A call to an external system is on its way; the system has not acted on it.
        case beforeEffect
        /// An external system has acted on a call; its reply is on its way back.
        case afterEffect
    }

    /// 1 for the first point the process passed, then 2, 3…, across all systems of the plan.
    public let step: Int
    /// The system the point belongs to: a store's or an external system's name.
    public let system: String
    public let moment: Moment

    public init(step: Int, system: String, moment: Moment) {
        self.step = step
        self.system = system
        self.moment = moment
    }

    public var description: String { "step \(step): \(system) \(moment.rawValue)" }
}

/// The process died at `point`. Whatever it had not committed is gone; what it committed stays.
public struct SimulatedCrash: Error, Equatable, Sendable {
    public let point: FaultPoint
}

/// The faults a test injects into one process and the systems it talks to, step by step.
///
/// A `TransactionalStore` and every `ExternalSystem` given the same plan report each point they
/// pass, so one numbering covers a whole operation, "between two systems" included. To replay
/// every crash point of an operation, run it once on a plan without faults, read `passed`, then
/// run it once per point on a fresh world whose plan crashes there.
///
/// A crash is final: after one, every later step of any system on the plan throws
/// `SimulatedCrash` at once (a dead process does nothing, even if its code swallowed the error),
/// until the test calls `restart()`: the process comes back, and the components a test builds
/// next see only committed state.
public final class FaultPlan: @unchecked Sendable {
    public enum Fault: Equatable, Sendable {
        /// The step fails and says so: each system documents what it throws and whether its effect
        /// happened.
        case fail
        /// The step times out: the caller cannot tell whether its effect happened.
        case timeOut
        /// The process dies at this step: `SimulatedCrash` is thrown.
        case crash
    }

    private enum Target: Hashable {
        case step(Int)
        case occurrence(Int, system: String, moment: FaultPoint.Moment)
    }

    private var faults: [Target: Fault] = [:]
    private var occurrences: [String: [FaultPoint.Moment: Int]] = [:]
    /// Every point passed so far, in order; a point where the process crashed is the last before
    /// the restart.
    public private(set) var passed: [FaultPoint] = []
    /// Where the process crashed, while it is down; `nil` once it runs (again).
    public private(set) var crashedAt: FaultPoint?

    public init() {}

    /// Schedules `fault` at the `step`-th point the process passes (counting from 1).
    public func inject(_ fault: Fault, atStep step: Int) {
        precondition(step >= 1, "steps are counted from 1")
        faults[.step(step)] = fault
    }

    /// Schedules `fault` for the `occurrence`-th time (counting from 1) `system` reaches `moment`,
    /// for tests that think in calls ("the second publish times out") rather than steps.
    public func inject(_ fault: Fault, at moment: FaultPoint.Moment, of system: String, occurrence: Int = 1) {
        precondition(occurrence >= 1, "occurrences are counted from 1")
        faults[.occurrence(occurrence, system: system, moment: moment)] = fault
    }

    /// Brings the crashed process back. Faults scheduled for later steps stay scheduled.
    public func restart() {
        crashedAt = nil
    }

    /// Throws if the process is down; systems call it before they start any work.
    public func ensureRunning() throws(SimulatedCrash) {
        if let point = crashedAt { throw SimulatedCrash(point: point) }
    }

    /// Records that `system` reached `moment` and returns the fault scheduled there, if any.
    /// A crash is not returned but thrown, and marks the process down.
    public func reach(_ moment: FaultPoint.Moment, of system: String) throws(SimulatedCrash) -> Fault? {
        try ensureRunning()
        let occurrence = occurrences[system, default: [:]][moment, default: 0] + 1
        occurrences[system, default: [:]][moment] = occurrence
        let point = FaultPoint(step: passed.count + 1, system: system, moment: moment)
        passed.append(point)
        let fault = faults[.step(point.step)]
            ?? faults[.occurrence(occurrence, system: system, moment: moment)]
        if fault == .crash {
            crashedAt = point
            throw SimulatedCrash(point: point)
        }
        return fault
    }
}
