import GracefulDegradationKata
import KataHarness
import Testing

/// One optional dependency with a cache fallback of `bound` and no default.
func cachedRecommendations(_ backend: ScriptedBackend, bound: Duration = .seconds(60), deadline: Duration = ms(100)) -> (ResponseComposer, VirtualClock) {
    let clock = VirtualClock()
    let composer = ResponseComposer(clock: clock)
    composer.add("recommendations", backend: backend, deadline: deadline, need: .optional(Fallback(maxStaleness: bound)))
    return (composer, clock)
}

@Suite("The fallback cache")
struct CacheTests {
    @Test("Serving a stale value does not refresh it: its age keeps growing until it is too old")
    func ageKeepsGrowing() {
        let backend = ScriptedBackend([.value("v1", after: .zero)], then: .failure(after: .zero))
        let (composer, clock) = cachedRecommendations(backend)
        _ = composer.respond()

        var substitutes: [Substitute?] = []
        for _ in 0..<3 {
            clock.advance(by: .seconds(25))
            substitutes.append(composer.respond().page?.degraded.first?.servedInstead)
        }

        #expect(substitutes == [.stale(age: .seconds(25)), .stale(age: .seconds(50)), .omitted], "the one good answer ages 25 s per request and is too old at 75 s; got \(substitutes)")
    }

    @Test("A fresh answer replaces the cached value and restarts its age")
    func freshRefreshes() {
        let backend = ScriptedBackend([.value("v1", after: .zero), .failure(after: .zero), .value("v2", after: ms(30))], then: .failure(after: .zero))
        let (composer, clock) = cachedRecommendations(backend)
        _ = composer.respond()
        clock.advance(by: .seconds(10))
        #expect(composer.respond().page?.values == ["recommendations": "v1"], "test setup: v1 is served stale")
        clock.advance(by: .seconds(10))
        _ = composer.respond()                                  // v2 arrives at t+20.03s

        clock.advance(by: .seconds(5))
        let page = composer.respond().page

        #expect(page?.values == ["recommendations": "v2"], "the newer answer is the one to fall back on, but the page shows \(String(describing: page?.values))")
        #expect(page?.degraded.first?.servedInstead == .stale(age: .seconds(5)), "v2 arrived 5 s before, so it is 5 s old, but got \(String(describing: page?.degraded))")
    }

    @Test("An answer that arrives after the deadline is never cached")
    func lateAnswerNotCached() {
        let backend = ScriptedBackend([.value("v1", after: ms(20)), .value("v2", after: ms(150))], then: .failure(after: .zero))
        let (composer, clock) = cachedRecommendations(backend)
        _ = composer.respond()
        clock.advance(by: .seconds(1))
        let late = composer.respond().page
        #expect(late?.values == ["recommendations": "v1"], "v2 took 150 ms against a 100 ms deadline, so v1 stands in, but the page shows \(String(describing: late?.values))")

        clock.advance(by: .seconds(1))
        let after = composer.respond().page

        #expect(after?.values == ["recommendations": "v1"], "v2 was never received, so the cache still holds v1, but the page shows \(String(describing: after?.values))")
    }

    @Test("A default is never cached as if the dependency had answered it")
    func defaultNotCached() {
        let clock = VirtualClock()
        let composer = ResponseComposer(clock: clock)
        composer.add("recommendations", backend: failing(), deadline: ms(100), need: .optional(Fallback(maxStaleness: .seconds(60), defaultValue: "top sellers")))

        let first = composer.respond().page?.degraded
        let second = composer.respond().page?.degraded

        let expected = [Degradation(dependency: "recommendations", reason: .error, servedInstead: .defaultValue)]
        #expect(first == expected && second == expected, "with no good answer ever, both requests serve the default, not a 'stale' default; got \(String(describing: first)) and \(String(describing: second))")
    }

    @Test("Answers in time are remembered even when a required dependency fails the response")
    func cachedInFailedResponse() {
        let clock = VirtualClock()
        let composer = ResponseComposer(clock: clock)
        composer.add("price", backend: ScriptedBackend([.failure(after: ms(20))], then: .value("€12", after: .zero)), deadline: ms(100), need: .required)
        composer.add("recommendations", backend: ScriptedBackend([.value("v1", after: ms(30))], then: .failure(after: .zero)), deadline: ms(100), need: .optional(Fallback(maxStaleness: .seconds(60))))
        #expect(composer.respond() == .failed(dependency: "price", .error, at: at(30)), "test setup: the first response fails on price once both calls ended")

        clock.advance(by: .seconds(1))
        let page = composer.respond().page

        #expect(page?.values == ["price": "€12", "recommendations": "v1"], "v1 arrived in time during the failed request and is the fallback now, but the page shows \(String(describing: page?.values))")
        #expect(page?.degraded == [Degradation(dependency: "recommendations", reason: .error, servedInstead: .stale(age: .seconds(1)))], "v1 is 1 s old, but got \(String(describing: page?.degraded))")
    }

    @Test("Each dependency falls back on its own cached value")
    func cachePerDependency() {
        let clock = VirtualClock()
        let composer = ResponseComposer(clock: clock)
        let keep = Need.optional(Fallback(maxStaleness: .seconds(60)))
        composer.add("reviews", backend: ScriptedBackend([.value("4.5 stars", after: .zero)], then: .failure(after: .zero)), deadline: ms(100), need: keep)
        composer.add("recommendations", backend: ScriptedBackend([.failure(after: .zero)], then: .failure(after: .zero)), deadline: ms(100), need: keep)
        _ = composer.respond()

        clock.advance(by: .seconds(2))
        let page = composer.respond().page

        #expect(page?.values == ["reviews": "4.5 stars"], "recommendations never answered, so only reviews has a value to fall back on, but the page shows \(String(describing: page?.values))")
        #expect(page?.degraded.map(\.servedInstead) == [.stale(age: .seconds(2)), .omitted], "reviews stale, recommendations omitted, in the order added, but got \(String(describing: page?.degraded))")
    }
}
