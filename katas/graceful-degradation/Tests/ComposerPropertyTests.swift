import GracefulDegradationKata
import KataHarness
import Testing

/// A seeded run: four dependencies with random needs, deadlines and fallbacks, and for each of
/// 40 requests a random answer from each (value or failure, fast or slow) after a random pause.
struct SeededRun {
    struct Spec {
        let name: String
        let deadline: Duration
        let need: Need
        var steps: [ScriptedBackend.Step] = []
    }

    var specs: [Spec] = []
    var pauses: [Duration] = []

    init(seed: UInt64, requests: Int = 40) {
        var random = SeededRandom(seed: seed)
        for name in ["price", "reviews", "recommendations", "shipping"] {
            let need: Need = Double.random(in: 0..<1, using: &random) < 0.25 ? .required : .optional(Fallback(
                maxStaleness: Bool.random(using: &random) ? .seconds(Int.random(in: 1...20, using: &random)) : nil,
                defaultValue: Bool.random(using: &random) ? "default \(name)" : nil
            ))
            specs.append(Spec(name: name, deadline: ms(Int.random(in: 50...200, using: &random)), need: need))
        }
        let reliability = Double.random(in: 0.5...0.95, using: &random)
        for request in 0..<requests {
            for index in specs.indices {
                let latency = ms(Int.random(in: 0...250, using: &random))
                specs[index].steps.append(Double.random(in: 0..<1, using: &random) < reliability
                    ? .value("\(specs[index].name) #\(request)", after: latency) : .failure(after: latency))
            }
            pauses.append(.milliseconds(Int.random(in: 0...8000, using: &random)))
        }
    }

    /// The responses the rules of instructions.md give, worked out one request at a time.
    func expectedResponses() -> [Response] {
        var now = VirtualClock.Instant(offset: .zero)
        var lastGood: [String: (String, VirtualClock.Instant)] = [:]
        var responses: [Response] = []
        for (request, pause) in pauses.enumerated() {
            now = now + pause
            let start = now
            var outcomes: [(spec: Spec, value: String?, reason: FailureReason)] = []
            var end = start
            for spec in specs {
                switch spec.steps[request] {
                case .value(let value, let latency) where latency <= spec.deadline:
                    lastGood[spec.name] = (value, start + latency)
                    outcomes.append((spec, value, .error))
                    end = max(end, start + latency)
                case .failure(let latency) where latency <= spec.deadline:
                    outcomes.append((spec, nil, .error))
                    end = max(end, start + latency)
                default:
                    outcomes.append((spec, nil, .timedOut(after: spec.deadline)))
                    end = max(end, start + spec.deadline)
                }
            }
            now = end
            if let failed = outcomes.first(where: { $0.spec.need == .required && $0.value == nil }) {
                responses.append(.failed(dependency: failed.spec.name, failed.reason, at: end))
                continue
            }
            var values: [String: String] = [:]
            var degraded: [Degradation] = []
            for outcome in outcomes {
                if let value = outcome.value { values[outcome.spec.name] = value; continue }
                guard case .optional(let fallback) = outcome.spec.need else { continue }
                let substitute: Substitute
                if let bound = fallback.maxStaleness, let (value, receivedAt) = lastGood[outcome.spec.name], end - receivedAt <= bound {
                    values[outcome.spec.name] = value
                    substitute = .stale(age: end - receivedAt)
                } else if let value = fallback.defaultValue {
                    values[outcome.spec.name] = value
                    substitute = .defaultValue
                } else {
                    substitute = .omitted
                }
                degraded.append(Degradation(dependency: outcome.spec.name, reason: outcome.reason, servedInstead: substitute))
            }
            responses.append(.served(Page(values: values, degraded: degraded, servedAt: end)))
        }
        return responses
    }
}

@Suite("Composing over seeded runs")
struct ComposerPropertyTests {
    @Test("Over 200 seeded runs every response, part and degradation marker follows the rules")
    func seededRuns() {
        var seen: [String: Int] = [:]
        for seed in UInt64(0)..<200 {
            let run = SeededRun(seed: seed)
            let clock = VirtualClock()
            let composer = ResponseComposer(clock: clock)
            for spec in run.specs {
                composer.add(spec.name, backend: ScriptedBackend(spec.steps, then: .failure(after: .zero)), deadline: spec.deadline, need: spec.need)
            }
            let expected = run.expectedResponses()
            for (request, pause) in run.pauses.enumerated() {
                clock.advance(by: pause)
                let response = composer.respond()
                guard response == expected[request] else {
                    Issue.record("seed \(seed), request \(request): expected \(expected[request]), got \(response). Replay: SeededRun(seed: \(seed))")
                    break
                }
                switch response {
                case .failed: seen["failed", default: 0] += 1
                case .served(let page):
                    for degradation in page.degraded {
                        switch degradation.servedInstead {
                        case .stale: seen["stale", default: 0] += 1
                        case .defaultValue: seen["default", default: 0] += 1
                        case .omitted: seen["omitted", default: 0] += 1
                        }
                    }
                    if !page.isDegraded { seen["fresh", default: 0] += 1 }
                }
            }
        }
        for kind in ["failed", "stale", "default", "omitted", "fresh"] {
            #expect(seen[kind, default: 0] >= 50, "the seeds must exercise every outcome, but \(kind) happened \(seen[kind, default: 0]) times: \(seen)")
        }
    }
}
