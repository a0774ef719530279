import KataHarness
import RetryKata
import Testing

extension Duration {
    static func ms(_ value: Int) -> Duration { .milliseconds(value) }
}

/// Equal to within a millisecond: some ways of drawing land a hair above the pinned fraction.
func close(_ a: Duration, _ b: Duration) -> Bool {
    abs((a - b).seconds) <= 0.001
}

func policy(
    base: Duration = .ms(100), cap: Duration = .seconds(10), maxAttempts: Int = 4, jitter: Jitter = .none
) -> BackoffPolicy {
    BackoffPolicy(base: base, cap: cap, maxAttempts: maxAttempts, jitter: jitter)
}

@Suite("Retry with back-off")
struct RetryTests {
    @Test("A call that succeeds at once is not retried and never sleeps")
    func successIsNotRetried() throws {
        let clock = VirtualClock()
        let dependency = ScriptedDependency(clock: clock, script: [], then: .respond("ok"))
        var random = FixedRandom(unitValues: [0.5])

        let response = try Retrier(policy: policy(), clock: clock).call(dependency, using: &random)

        #expect(response == "ok", "the first attempt succeeded, so its response should be returned, got \(response)")
        #expect(dependency.calls.count == 1, "a success must not be retried, but the dependency was called \(dependency.calls.count) times")
        #expect(clock.sleeps.isEmpty, "nothing failed, so nothing should sleep, but it slept \(clock.sleeps)")

        // The same retrier does retry when the first attempt fails: the single call was a decision.
        let flaky = ScriptedDependency(clock: clock, script: [.fail(.connectionReset)], then: .respond("ok"))
        let second = try Retrier(policy: policy(), clock: clock).call(flaky, using: &random)
        #expect(second == "ok" && flaky.calls.count == 2,
                "after a connection reset the retrier should try again and return ok, but it returned \(second) after \(flaky.calls.count) call(s)")
    }

    @Test("A transient failure is retried until the call succeeds")
    func transientFailureIsRetried() throws {
        let clock = VirtualClock()
        let dependency = ScriptedDependency(
            clock: clock,
            script: [.fail(.serverError(code: 503)), .fail(.connectionReset)],
            then: .respond("ok")
        )
        var random = FixedRandom(unitValues: [0.5])

        let response = try Retrier(policy: policy(), clock: clock).call(dependency, using: &random)

        #expect(response == "ok", "the third attempt succeeded, so its response should be returned, got \(response)")
        #expect(dependency.calls.count == 3, "two transient failures then a success is 3 calls, but there were \(dependency.calls.count)")
    }

    @Test("After maxAttempts attempts in total the last failure is thrown")
    func givesUpAfterMaxAttempts() {
        let clock = VirtualClock()
        let dependency = ScriptedDependency<String>(
            clock: clock,
            script: [.fail(.serverError(code: 503)), .fail(.connectionReset), .fail(.connectionRefused)],
            then: .fail(.timedOut)
        )
        var random = FixedRandom(unitValues: [0.5])

        #expect(throws: InjectedFault.timedOut, "the 4th and last attempt timed out, so .timedOut should be thrown") {
            try Retrier(policy: policy(maxAttempts: 4), clock: clock).call(dependency, using: &random)
        }
        #expect(dependency.calls.count == 4,
                "maxAttempts: 4 counts the first attempt too, so 4 calls in all, but there were \(dependency.calls.count)")
    }

    @Test("A non-retryable failure is thrown at once, without a retry")
    func permanentFailureIsNotRetried() {
        let clock = VirtualClock()
        let dependency = ScriptedDependency<String>(clock: clock, script: [.fail(.serverError(code: 404))], then: .respond("ok"))
        var random = FixedRandom(unitValues: [0.5])

        #expect(throws: InjectedFault.serverError(code: 404), "a 404 should be thrown as it is") {
            try Retrier(policy: policy(), clock: clock).call(dependency, using: &random)
        }
        #expect(dependency.calls.count == 1, "a 404 will not go away by asking again, but the dependency was called \(dependency.calls.count) times")
        #expect(clock.sleeps.isEmpty, "no retry means no back-off, but it slept \(clock.sleeps)")

        // A permanent fault after a transient one also stops the retries: 503 is retried, 404 is not.
        let mixed = ScriptedDependency<String>(clock: clock, script: [.fail(.serverError(code: 503)), .fail(.serverError(code: 404))],
                                               then: .respond("ok"))
        #expect(throws: InjectedFault.serverError(code: 404), "a 404 after a retried 503 should be thrown as it is") {
            try Retrier(policy: policy(), clock: clock).call(mixed, using: &random)
        }
        #expect(mixed.calls.count == 2, "503 then 404 should mean 2 calls (the 503 retried, the 404 not), but there were \(mixed.calls.count)")
        #expect(clock.sleeps.count == 1, "one retry means one back-off sleep, but it slept \(clock.sleeps)")
    }

    @Test("Only transient faults are retryable")
    func classification() {
        for fault in [InjectedFault.connectionRefused, .connectionReset, .timedOut] {
            #expect(isRetryable(fault), "\(fault) is transient and should be retryable")
        }
        for code in [429, 500, 502, 503, 504] {
            #expect(isRetryable(.serverError(code: code)), "status \(code) is transient and should be retryable")
        }
        for code in [400, 401, 403, 404, 409, 422, 501] {
            #expect(!isRetryable(.serverError(code: code)), "status \(code) will fail the same way again and should not be retried")
        }
    }

    @Test("Without jitter the delay doubles from base before each retry")
    func delaysDouble() {
        var random = FixedRandom(unitValues: [0.5])
        let backoff = policy(base: .ms(100), cap: .seconds(10), jitter: .none)

        let delays = (1...5).map { backoff.delay(beforeRetry: $0, using: &random) }

        #expect(delays == [.ms(100), .ms(200), .ms(400), .ms(800), .ms(1600)],
                "retry n should wait base × 2^(n−1): 100, 200, 400, 800, 1600 ms, but got \(delays)")
    }

    @Test("The delay never exceeds the cap, however many retries")
    func delaysAreCapped() {
        var random = FixedRandom(unitValues: [0.5])
        let backoff = policy(base: .seconds(1), cap: .seconds(5), jitter: .none)

        let delays = [3, 4, 5, 100].map { backoff.delay(beforeRetry: $0, using: &random) }

        #expect(delays == [.seconds(4), .seconds(5), .seconds(5), .seconds(5)],
                "base 1 s capped at 5 s should give 4, 5, 5, 5 s for retries 3, 4, 5 and 100, but got \(delays)")
    }

    @Test("Full jitter draws uniformly between zero and the capped ceiling")
    func fullJitter() {
        let backoff = policy(base: .ms(100), cap: .seconds(1), jitter: .full)
        var zero = FixedRandom(unitValues: [0])
        var half = FixedRandom(unitValues: [0.5])
        var high = FixedRandom(unitValues: [0.75])

        let atZero = backoff.delay(beforeRetry: 3, using: &zero)
        let atHalf = backoff.delay(beforeRetry: 3, using: &half)
        let capped = backoff.delay(beforeRetry: 10, using: &high)

        #expect(close(atZero, .zero), "full jitter with a draw of 0 should sleep 0, got \(atZero)")
        #expect(close(atHalf, .ms(200)), "retry 3 has a 400 ms ceiling; a draw of 0.5 should sleep 200 ms, got \(atHalf)")
        #expect(close(capped, .ms(750)),
                "retry 10 is capped at 1 s, so a draw of 0.75 should sleep 750 ms (cap first, then jitter), got \(capped)")
    }

    @Test("Equal jitter keeps half the ceiling and randomises the other half")
    func equalJitter() {
        let backoff = policy(base: .ms(100), cap: .seconds(1), jitter: .equal)
        var zero = FixedRandom(unitValues: [0])
        var half = FixedRandom(unitValues: [0.5])

        let atZero = backoff.delay(beforeRetry: 3, using: &zero)
        let atHalf = backoff.delay(beforeRetry: 3, using: &half)

        #expect(close(atZero, .ms(200)), "retry 3 has a 400 ms ceiling; equal jitter never sleeps less than half, 200 ms, got \(atZero)")
        #expect(close(atHalf, .ms(300)), "a draw of 0.5 should sleep 200 + 0.5 × 200 = 300 ms, got \(atHalf)")
    }

    @Test("Seeded full jitter spreads delays over the whole range")
    func fullJitterSpreads() {
        let backoff = policy(base: .ms(100), cap: .seconds(10), jitter: .full)
        var random = SeededRandom(seed: 2015)

        let delays = (0..<2000).map { _ in backoff.delay(beforeRetry: 4, using: &random).seconds }
        let mean = delays.reduce(0, +) / Double(delays.count)

        #expect(delays.allSatisfy { (0...0.8).contains($0) }, "every full-jitter delay for retry 4 should lie in [0, 800 ms]")
        #expect(delays.min()! < 0.08, "2000 draws should come close to 0, but the smallest was \(delays.min()!) s")
        #expect(delays.max()! > 0.72, "2000 draws should come close to 800 ms, but the largest was \(delays.max()!) s")
        #expect(abs(mean - 0.4) < 0.02, "full jitter averages half the ceiling (400 ms), but the mean was \(mean) s")
    }

    @Test("The retrier sleeps on the virtual clock before each retry, never after the last attempt")
    func retrierSleepsBetweenAttempts() {
        let clock = VirtualClock()
        let dependency = ScriptedDependency<String>(clock: clock, script: [], then: .fail(.serverError(code: 503), after: .ms(10)))
        var random = FixedRandom(unitValues: [0.5])
        let retrier = Retrier(policy: policy(base: .ms(100), maxAttempts: 4, jitter: .full), clock: clock)

        _ = try? retrier.call(dependency, using: &random)

        let sleeps = clock.sleeps
        #expect(sleeps.count == 3, "4 attempts have 3 gaps, so 3 sleeps, but it slept \(sleeps.count) times: \(sleeps)")
        #expect(sleeps.count == 3 && zip(sleeps, [Duration.ms(50), .ms(100), .ms(200)]).allSatisfy { close($0, $1) },
                "with full jitter and draws of 0.5 the sleeps should be 50, 100, 200 ms, but were \(sleeps)")
        let starts = dependency.calls.map { $0.startedAt.offset }
        let expectedStarts: [Duration] = [.zero, .ms(60), .ms(170), .ms(380)]
        #expect(starts.count == 4 && zip(starts, expectedStarts).allSatisfy { close($0, $1) },
                "each 10 ms failure should be followed by its sleep, then the next call (0, 60, 170, 380 ms), but calls started at \(starts)")
    }
}
