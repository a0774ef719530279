import Foundation
@testable import PatternsKatas

/// Answers commands from a table: arguments joined by spaces → stdout; anything else fails.
struct ScriptedRunner: ProcessRunner {
    var answers: [String: String]

    func run(_ request: ProcessRequest) async throws -> ProcessOutcome {
        guard let output = answers[request.arguments.joined(separator: " ")] else {
            return ProcessOutcome(exitCode: 128, output: "fatal: not scripted")
        }
        return ProcessOutcome(exitCode: 0, output: output)
    }
}

/// Modification times a test sets by hand.
final class FakeTimes: ModificationTimes, @unchecked Sendable {
    private let lock = NSLock()
    private var times: [String: Double] = [:]

    func set(_ path: String, _ time: Double) {
        lock.lock()
        times[path] = time
        lock.unlock()
    }

    func modificationTime(at path: String) -> Double? {
        lock.lock()
        defer { lock.unlock() }
        return times[path]
    }
}
