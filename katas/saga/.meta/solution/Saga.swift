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
        var completed: [SagaStep] = []
        for step in steps {
            do {
                try step.action()
            } catch {
                return compensate(completed, failedStep: step.name)
            }
            // Only now has the step done something that may need undoing.
            completed.append(step)
        }
        return .completed
    }

    /// Undoes `completed` newest first: a later step may depend on an earlier one (you cannot
    /// release a seat before refunding the ticket that holds it), so the unwinding mirrors the
    /// order of the doing.
    private func compensate(_ completed: [SagaStep], failedStep: String) -> SagaOutcome {
        for step in completed.reversed() {
            guard undo(step) else {
                // Stop rather than skip: undoing earlier steps while a later one still stands
                // could break exactly the dependency the reverse order protects.
                return .stuck(failedStep: failedStep, compensationFailed: step.name)
            }
        }
        return .compensated(failedStep: failedStep)
    }

    /// Runs one compensation until it succeeds or the attempts run out. A compensation cannot
    /// simply be dropped (the effect it undoes would stay), so transient failures are retried.
    private func undo(_ step: SagaStep) -> Bool {
        for attempt in 1...compensationAttempts {
            do {
                try step.compensation()
                return true
            } catch {
                if attempt < compensationAttempts {
                    clock.sleep(for: retryDelay)
                }
            }
        }
        return false
    }
}
