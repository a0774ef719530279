import KataHarness
import SagaKata
import Testing

/// A trip booking spread over several services. Each service is a `ScriptedDependency`; the
/// journal records every action and compensation that took effect, in order.
private final class TripBooking {
    typealias Script = [ScriptedDependency<Void>.Step]

    let clock = VirtualClock()
    private(set) var journal: [String] = []
    private(set) var actions: [String: ScriptedDependency<Void>] = [:]
    private(set) var compensations: [String: ScriptedDependency<Void>] = [:]

    /// A step named `name` whose action and compensation follow the given scripts, then succeed.
    func step(_ name: String, action: Script = [], compensation: Script = []) -> SagaStep {
        let doIt = ScriptedDependency<Void>(clock: clock, script: action, then: .respond(()))
        let undoIt = ScriptedDependency<Void>(clock: clock, script: compensation, then: .respond(()))
        actions[name] = doIt
        compensations[name] = undoIt
        return SagaStep(
            name,
            action: { [unowned self] in
                try doIt.call()
                journal.append(name)
            },
            compensation: { [unowned self] in
                try undoIt.call()
                journal.append("undo \(name)")
            }
        )
    }

    func compensationAttempts(_ name: String) -> Int {
        compensations[name]?.calls.count ?? 0
    }

    func actionAttempts(_ name: String) -> Int {
        actions[name]?.calls.count ?? 0
    }
}

@Suite("Saga: orchestrated, with compensations")
struct SagaTests {
    @Test("When every step succeeds the saga completes and compensates nothing")
    func happyPath() {
        let trip = TripBooking()
        let saga = SagaOrchestrator(
            steps: [trip.step("flight"), trip.step("hotel"), trip.step("car")],
            clock: trip.clock
        )

        let outcome = saga.run()

        #expect(outcome == .completed, "all three steps succeeded, yet the outcome was \(outcome)")
        #expect(trip.journal == ["flight", "hotel", "car"], "expected each step once, in order, and nothing undone; the journal was \(trip.journal)")
    }

    @Test("A failed step undoes the completed steps in reverse order")
    func compensatesInReverse() {
        let trip = TripBooking()
        let saga = SagaOrchestrator(
            steps: [
                trip.step("flight"), trip.step("hotel"), trip.step("car"),
                trip.step("payment", action: [.fail(.serverError(code: 502))]),
            ],
            clock: trip.clock
        )

        let outcome = saga.run()

        #expect(outcome == .compensated(failedStep: "payment"), "payment failed and everything before it was undone, yet the outcome was \(outcome)")
        #expect(
            trip.journal == ["flight", "hotel", "car", "undo car", "undo hotel", "undo flight"],
            "the completed steps were not all undone newest first; the journal was \(trip.journal)"
        )
    }

    @Test("The step that failed is not compensated")
    func failedStepIsNotCompensated() {
        let trip = TripBooking()
        let saga = SagaOrchestrator(
            steps: [trip.step("flight"), trip.step("hotel", action: [.fail(.connectionRefused)]), trip.step("car")],
            clock: trip.clock
        )

        _ = saga.run()

        #expect(
            trip.compensationAttempts("hotel") == 0,
            "the failed hotel step was compensated (\(trip.compensationAttempts("hotel")) attempts), but its action had no effect: there is nothing to cancel"
        )
        #expect(trip.journal == ["flight", "undo flight"], "only the flight should be undone; the journal was \(trip.journal)")
    }

    @Test("Steps after the failed one never run")
    func stopsAtFailure() {
        let trip = TripBooking()
        let saga = SagaOrchestrator(
            steps: [trip.step("flight"), trip.step("hotel", action: [.fail(.timedOut)]), trip.step("car")],
            clock: trip.clock
        )

        _ = saga.run()

        #expect(trip.actionAttempts("flight") == 1 && trip.actionAttempts("hotel") == 1,
                "the flight and the hotel should each be tried once, but were tried \(trip.actionAttempts("flight")) and \(trip.actionAttempts("hotel")) times")
        #expect(trip.actionAttempts("car") == 0, "the car was booked \(trip.actionAttempts("car")) times after the hotel had already failed")
        #expect(trip.compensationAttempts("car") == 0, "the car step never ran, yet its compensation was called")
    }

    @Test("A failure in the first step has nothing to undo")
    func firstStepFails() {
        let trip = TripBooking()
        let saga = SagaOrchestrator(
            steps: [trip.step("flight", action: [.fail(.connectionReset)]), trip.step("hotel")],
            clock: trip.clock
        )

        let outcome = saga.run()

        #expect(outcome == .compensated(failedStep: "flight"), "the first step failed, so the outcome should be compensated(failedStep: flight), but it was \(outcome)")
        #expect(trip.journal.isEmpty, "nothing completed, so nothing should run or be undone; the journal was \(trip.journal)")
    }

    @Test("A failing compensation is retried after a delay until it succeeds")
    func compensationIsRetried() {
        let trip = TripBooking()
        let saga = SagaOrchestrator(
            steps: [
                trip.step("flight"),
                trip.step("hotel", compensation: [.fail(.serverError(code: 503)), .fail(.timedOut)]),
                trip.step("payment", action: [.fail(.serverError(code: 502))]),
            ],
            clock: trip.clock,
            compensationAttempts: 5,
            retryDelay: .seconds(2)
        )

        let outcome = saga.run()

        #expect(trip.compensationAttempts("hotel") == 3, "the hotel cancellation failed twice and succeeded on the 3rd attempt, but it was tried \(trip.compensationAttempts("hotel")) times")
        #expect(trip.clock.sleeps == [.seconds(2), .seconds(2)], "expected clock.sleep(for: retryDelay) before each of the 2 retries, but the sleeps were \(trip.clock.sleeps)")
        #expect(outcome == .compensated(failedStep: "payment"), "the retried compensation succeeded, so the saga is fully compensated, yet the outcome was \(outcome)")
        #expect(
            trip.journal == ["flight", "hotel", "undo hotel", "undo flight"],
            "after the hotel was finally cancelled the flight should be too; the journal was \(trip.journal)"
        )
    }

    @Test("A compensation that keeps failing leaves the saga stuck after the last attempt")
    func compensationGivesUp() {
        let trip = TripBooking()
        let failing: [ScriptedDependency<Void>.Step] = Array(repeating: .fail(.serverError(code: 500)), count: 10)
        let saga = SagaOrchestrator(
            steps: [
                trip.step("flight"),
                trip.step("hotel", compensation: failing),
                trip.step("payment", action: [.fail(.serverError(code: 502))]),
            ],
            clock: trip.clock,
            compensationAttempts: 4,
            retryDelay: .seconds(1)
        )

        let outcome = saga.run()

        #expect(
            outcome == .stuck(failedStep: "payment", compensationFailed: "hotel"),
            "the hotel cancellation never succeeded, so the saga should be stuck at the hotel, but the outcome was \(outcome)"
        )
        #expect(trip.compensationAttempts("hotel") == 4, "with compensationAttempts 4 the hotel cancellation should be tried 4 times in all, but it was tried \(trip.compensationAttempts("hotel")) times")
        #expect(trip.clock.sleeps.count == 3, "4 attempts need 3 delays (between attempts, none after the last), but the saga slept \(trip.clock.sleeps.count) times")
        #expect(
            trip.compensationAttempts("flight") == 0,
            "the flight was undone while the hotel still stands, breaking the reverse order: a stuck saga must stop where it is"
        )
    }

    @Test("Each compensation has its own attempt budget, by default 5 attempts 1 s apart")
    func defaultBudgetPerCompensation() {
        let trip = TripBooking()
        let fourFailures: [ScriptedDependency<Void>.Step] = Array(repeating: .fail(.timedOut), count: 4)
        let saga = SagaOrchestrator(
            steps: [
                trip.step("flight", compensation: fourFailures),
                trip.step("hotel", compensation: fourFailures),
                trip.step("payment", action: [.fail(.serverError(code: 502))]),
            ],
            clock: trip.clock
        )

        let outcome = saga.run()

        #expect(outcome == .compensated(failedStep: "payment"),
                "each cancellation succeeds on its 5th attempt, within the default 5, yet the outcome was \(outcome): is one budget shared by all compensations?")
        #expect(trip.compensationAttempts("hotel") == 5 && trip.compensationAttempts("flight") == 5,
                "each cancellation should be tried 5 times, but the hotel was tried \(trip.compensationAttempts("hotel")) and the flight \(trip.compensationAttempts("flight")) times")
        #expect(trip.clock.sleeps == Array(repeating: .seconds(1), count: 8),
                "4 retries each, after the default retryDelay of 1 s, make 8 sleeps of 1 s, but the sleeps were \(trip.clock.sleeps)")
    }

    @Test("By default a compensation that fails 5 times leaves the saga stuck")
    func defaultBudgetRunsOut() {
        let trip = TripBooking()
        let saga = SagaOrchestrator(
            steps: [
                trip.step("hotel", compensation: Array(repeating: .fail(.timedOut), count: 5)),
                trip.step("payment", action: [.fail(.serverError(code: 502))]),
            ],
            clock: trip.clock
        )

        let outcome = saga.run()

        #expect(outcome == .stuck(failedStep: "payment", compensationFailed: "hotel"),
                "the hotel cancellation failed on all 5 default attempts, so the saga should be stuck, but the outcome was \(outcome)")
        #expect(trip.compensationAttempts("hotel") == 5, "the default is 5 attempts in all, but the hotel cancellation was tried \(trip.compensationAttempts("hotel")) times")
    }
}
