import KataHarness

/// One step of a saga: a local transaction in some service, and the action that semantically
/// undoes it (cancel the reservation, refund the charge).
public struct SagaStep {
    public let name: String
    /// Does the work. Throwing means it failed *and had no effect*.
    public let action: () throws -> Void
    /// Undoes a completed `action`. It may be called more than once, so it must be idempotent.
    public let compensation: () throws -> Void

    public init(
        _ name: String,
        action: @escaping () throws -> Void,
        compensation: @escaping () throws -> Void
    ) {
        self.name = name
        self.action = action
        self.compensation = compensation
    }
}

/// How a saga ended.
public enum SagaOutcome: Equatable, Sendable {
    /// Every step succeeded.
    case completed
    /// `failedStep` failed, and every step that had completed before it was compensated.
    case compensated(failedStep: String)
    /// `failedStep` failed, and then the compensation of `compensationFailed` failed on every
    /// attempt. The saga is half undone and needs a human (or a later resumption).
    case stuck(failedStep: String, compensationFailed: String)
}

/// An orchestrated saga: one coordinator runs the steps in order and, when one fails, runs the
/// compensations of the completed steps in reverse order (Garcia-Molina & Salem, 1987).
///
/// - Steps run one after another; after a failure no further step runs.
/// - The step that failed is not compensated: its action had no effect.
/// - The completed steps are compensated last-completed first.
/// - A compensation that throws is retried, up to `compensationAttempts` attempts in all, with
///   `clock.sleep(for: retryDelay)` between attempts. If every attempt fails, the saga stops there
///   (earlier steps stay as they are) and reports `.stuck`.
public final class SagaOrchestrator {
    private let steps: [SagaStep]
    private let clock: VirtualClock
    private let compensationAttempts: Int
    private let retryDelay: Duration

    /// - Precondition: `compensationAttempts >= 1`.
    public init(
        steps: [SagaStep],
        clock: VirtualClock,
        compensationAttempts: Int = 5,
        retryDelay: Duration = .seconds(1)
    ) {
        precondition(compensationAttempts >= 1, "a compensation needs at least one attempt")
        self.steps = steps
        self.clock = clock
        self.compensationAttempts = compensationAttempts
        self.retryDelay = retryDelay
    }

    /// Runs the saga once, to completion or through its compensations.
    public func run() -> SagaOutcome {
        // TODO(kata): run each step's action in order, remembering which completed. When one
        // throws, stop and compensate the completed steps (see the type's contract for the order,
        // the retries and the outcome).
        return .completed
    }
}
