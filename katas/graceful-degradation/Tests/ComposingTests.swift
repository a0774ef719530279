import GracefulDegradationKata
import KataHarness
import Testing

@Suite("Composing a response")
struct ComposingTests {
    @Test("Dependencies that all answer in time give a fresh response that is not degraded")
    func allFresh() {
        let clock = VirtualClock()
        let composer = ResponseComposer(clock: clock)
        let price = answering("€12", after: 30)
        composer.add("price", backend: price, deadline: ms(100), need: .required)
        composer.add("reviews", backend: answering("4.5 stars", after: 70), deadline: ms(100), need: .optional(.omit))

        let response = composer.respond()

        #expect(response == .served(Page(values: ["price": "€12", "reviews": "4.5 stars"], degraded: [], servedAt: at(70))), "both parts fresh, served when the slower answered at t+70ms, but got \(response)")
        #expect(response.page?.isDegraded == false, "nothing was substituted, so the page is not degraded")
        #expect(price.calls == [at(0)], "each dependency is called once, at the request's start, but price was called at \(price.calls)")
    }

    @Test("Calls run together: the response is ready when the last call answers or hits its deadline")
    func callsRunTogether() {
        let clock = VirtualClock(start: .seconds(5))
        let composer = ResponseComposer(clock: clock)
        let backends = [answering("a", after: 30), answering("b", after: 80), answering("c", after: 40)]
        composer.add("a", backend: backends[0], deadline: ms(100), need: .required)
        composer.add("b", backend: backends[1], deadline: ms(50), need: .optional(.omit))
        composer.add("c", backend: backends[2], deadline: ms(100), need: .required)

        let page = composer.respond().page

        let start = VirtualClock.Instant(offset: .seconds(5))
        #expect(backends.map(\.calls) == [[start], [start], [start]], "all three calls start together at t+5s, but started at \(backends.map(\.calls))")
        #expect(page?.servedAt == start + ms(50) && clock.now == start + ms(50), "b is cut off at its 50 ms deadline and c answers at 40 ms, so the response is ready 50 ms after the start, not after the sum of the latencies; served at \(String(describing: page?.servedAt)), clock at \(clock.now)")
    }

    @Test("An answer exactly at its deadline is in time; 1 ms later it has timed out", arguments: [100, 250])
    func deadlineBoundary(deadline: Int) {
        let clock = VirtualClock()
        let composer = ResponseComposer(clock: clock)
        let backend = ScriptedBackend([.value("on time", after: ms(deadline)), .value("late", after: ms(deadline + 1))], then: .value("x", after: .zero))
        composer.add("reviews", backend: backend, deadline: ms(deadline), need: .optional(.omit))

        let onTime = composer.respond()
        #expect(onTime == .served(Page(values: ["reviews": "on time"], degraded: [], servedAt: at(deadline))), "an answer after exactly \(deadline) ms meets a \(deadline) ms deadline, but got \(onTime)")

        let late = composer.respond()
        let expected = Page(values: [:], degraded: [Degradation(dependency: "reviews", reason: .timedOut(after: ms(deadline)), servedInstead: .omitted)], servedAt: at(2 * deadline))
        #expect(late == .served(expected), "an answer after \(deadline + 1) ms is too late and the request stops waiting at \(deadline) ms: expected \(expected), got \(late)")
    }

    @Test("A required dependency that fails fails the response, naming the first one that failed", arguments: [false, true])
    func requiredFails(byTimeout: Bool) {
        let clock = VirtualClock()
        let composer = ResponseComposer(clock: clock)
        composer.add("recommendations", backend: failing(), deadline: ms(100), need: .optional(.omit))
        composer.add("price", backend: answering("€12"), deadline: ms(100), need: .required)
        composer.add("stock", backend: byTimeout ? answering("3 left", after: 150) : failing(after: 20), deadline: ms(100), need: .required)
        composer.add("shipping", backend: failing(after: 5), deadline: ms(100), need: .required)

        let response = composer.respond()

        let reason: FailureReason = byTimeout ? .timedOut(after: ms(100)) : .error
        let expected = Response.failed(dependency: "stock", reason, at: byTimeout ? at(100) : at(20))
        #expect(response == expected, "stock is the first required dependency to fail in the order added (the optional one does not count): expected \(expected), got \(response)")
    }
}

@Suite("Falling back")
struct FallbackTests {
    @Test("A failed optional dependency with no fallback is left out and named", arguments: [false, true])
    func omitted(byTimeout: Bool) {
        let clock = VirtualClock()
        let composer = ResponseComposer(clock: clock)
        composer.add("price", backend: answering("€12"), deadline: ms(100), need: .required)
        composer.add("reviews", backend: byTimeout ? answering("late", after: 400) : failing(after: 20), deadline: ms(150), need: .optional(.omit))

        let page = composer.respond().page

        let reason: FailureReason = byTimeout ? .timedOut(after: ms(150)) : .error
        #expect(page?.values == ["price": "€12"], "the reviews part is left out, but the page shows \(String(describing: page?.values))")
        #expect(page?.degraded == [Degradation(dependency: "reviews", reason: reason, servedInstead: .omitted)], "the page must say reviews were left out and why, but says \(String(describing: page?.degraded))")
        #expect(page?.isDegraded == true, "a page with a part left out is degraded")
    }

    @Test("A default fills in for a failed optional dependency")
    func defaultValue() {
        let clock = VirtualClock()
        let composer = ResponseComposer(clock: clock)
        composer.add("recommendations", backend: failing(), deadline: ms(100), need: .optional(Fallback(defaultValue: "top sellers")))

        let page = composer.respond().page

        #expect(page?.values == ["recommendations": "top sellers"], "the default is shown, but the page shows \(String(describing: page?.values))")
        #expect(page?.degraded == [Degradation(dependency: "recommendations", reason: .error, servedInstead: .defaultValue)], "the page must say the default stood in, but says \(String(describing: page?.degraded))")
    }

    @Test("The last good value fills in while it is at most maxStaleness old, then the default", arguments: [60, 300])
    func staleWithinBound(maxStalenessSeconds: Int) {
        let clock = VirtualClock()
        let composer = ResponseComposer(clock: clock)
        let bound = Duration.seconds(maxStalenessSeconds)
        let backend = ScriptedBackend([.value("for you: boots", after: ms(40))], then: .failure(after: .zero))
        composer.add("recommendations", backend: backend, deadline: ms(100), need: .optional(Fallback(maxStaleness: bound, defaultValue: "top sellers")))
        _ = composer.respond()                                  // answered at t+40ms

        clock.advance(to: at(40) + bound)                      // failures are instant: served now
        let atBound = composer.respond().page
        #expect(atBound?.values == ["recommendations": "for you: boots"], "a value exactly \(bound) old is within the bound, but the page shows \(String(describing: atBound?.values))")
        #expect(atBound?.degraded == [Degradation(dependency: "recommendations", reason: .error, servedInstead: .stale(age: bound))], "the page must say the value is stale and \(bound) old, but says \(String(describing: atBound?.degraded))")

        clock.advance(by: ms(1))
        let pastBound = composer.respond().page
        #expect(pastBound?.servedAt == at(40) + bound + ms(1), "test setup: served 1 ms past the bound, at \(String(describing: pastBound?.servedAt))")
        #expect(pastBound?.values == ["recommendations": "top sellers"], "1 ms past the bound the cached value is too old and the default stands in, but the page shows \(String(describing: pastBound?.values))")
        #expect(pastBound?.degraded.first?.servedInstead == .defaultValue, "the page must say the default stood in, but says \(String(describing: pastBound?.degraded))")
    }
}
