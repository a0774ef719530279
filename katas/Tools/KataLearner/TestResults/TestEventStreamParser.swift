import Foundation

/// Reads Swift Testing's JSON event stream (`swift test --event-stream-output-path F
/// --event-stream-version 0`), one JSON object a line.
///
/// Chosen over the console output, whose `✘ Test "name" …` lines do not escape quotes in names
/// and interleave parallel tests, and over `--xunit-output`, which names tests by function and
/// drops the display names that are our behaviour names. The stream is written as events happen,
/// so a crashed or timed-out run still tells which tests finished.
public enum TestEventStreamParser {
    public static func parse(_ jsonLines: String) -> TestRunReport {
        var tests: [String: Declared] = [:]
        var declarationOrder: [String] = []
        var started: Set<String> = []
        var ended: Set<String> = []
        var issues: [String: [String]] = [:]
        var finished = false

        let decoder = JSONDecoder()
        for line in jsonLines.split(whereSeparator: \.isNewline) {
            // A line cut short by a killed process is skipped rather than failing the whole read.
            guard let record = try? decoder.decode(Record.self, from: Data(line.utf8)) else { continue }
            let payload = record.payload
            switch (record.kind, payload.kind) {
            case ("test", "function"):
                guard let id = payload.id else { continue }
                if tests[id] == nil { declarationOrder.append(id) }
                tests[id] = Declared(name: payload.displayName ?? payload.name ?? id)
            case ("event", "testStarted"):
                if let id = payload.testID { started.insert(id) }
            case ("event", "testEnded"):
                if let id = payload.testID { ended.insert(id) }
            case ("event", "issueRecorded"):
                guard let id = payload.testID, payload.issue?.isKnown != true else { continue }
                issues[id, default: []].append(describe(payload))
            case ("event", "runEnded"):
                finished = true
            default:
                continue
            }
        }

        let behaviours = declarationOrder.compactMap { id -> BehaviourResult? in
            guard let test = tests[id], started.contains(id) else { return nil }
            let found = collapse(issues[id] ?? [])
            let status: BehaviourResult.Status =
                !ended.contains(id) ? .didNotFinish : found.isEmpty ? .passed : .failed
            return BehaviourResult(id: id, name: test.name, status: status, issues: found)
        }
        return TestRunReport(behaviours: behaviours, finished: finished)
    }

    /// An expectation inside a loop can fail many times with the same words; say it once, counted.
    public static func collapse(_ issues: [String]) -> [String] {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for issue in issues {
            if counts[issue] == nil { order.append(issue) }
            counts[issue, default: 0] += 1
        }
        return order.map { counts[$0]! > 1 ? "\($0) (×\(counts[$0]!))" : $0 }
    }

    /// `File.swift:12:5: Expectation failed: … — comment`, as a learner would want to read it.
    private static func describe(_ payload: Payload) -> String {
        let messages = payload.messages ?? []
        let text = messages.map(\.text).joined(separator: " — ")
        guard let location = payload.issue?.sourceLocation else { return text }
        let file = location.fileID.map { $0.split(separator: "/").last.map(String.init) ?? $0 } ?? "?"
        return "\(file):\(location.line):\(location.column): \(text)"
    }

    private struct Declared {
        var name: String
    }

    private struct Record: Decodable {
        var kind: String
        var payload: Payload
    }

    /// The union of the fields we read from test records and events; all optional.
    private struct Payload: Decodable {
        var kind: String?
        var id: String?
        var name: String?
        var displayName: String?
        var testID: String?
        var messages: [Message]?
        var issue: Issue?
    }

    private struct Message: Decodable {
        var symbol: String?
        var text: String
    }

    private struct Issue: Decodable {
        var isKnown: Bool?
        var sourceLocation: Location?
    }

    private struct Location: Decodable {
        var fileID: String?
        var line: Int
        var column: Int
    }
}
