import Foundation
import PatternsKatas

extension Fixture {
    static func info(id: String = "adder", order: Int = 1, module: String = "AdderKata") -> KataInfo {
        KataInfo(id: id, title: "Kata \(id)", pattern: "retry", module: module, difficulty: "beginner", order: order,
                 blurb: "Adds.", hints: ["Think about it.", "Use +."], digDeeper: ["Overflow?", "Floating point?"])
    }

    static func kataYAML(id: String, order: Int) -> String {
        """
        id: \(id)
        title: Kata \(id)
        pattern: retry
        module: \(id.capitalized)Kata
        difficulty: beginner
        order: \(order)
        blurb: Adds.
        dig_deeper:
          - "Overflow: what then?"
          - Floating point?
        hints:
          - Think about it.
        """
    }

    /// A katas package in memory with the given katas (id, order), stubs and references.
    static func katasTree(_ katas: [(String, Int)]) -> MemoryFileSystem {
        var files = ["/k/Package.swift": "// manifest", "/k/Harness/Harness.swift": "", "/content/site.toml": "base_url = \"https://p.example.org/\"\n"]
        for (id, order) in katas {
            files["/k/\(id)/kata.yml"] = kataYAML(id: id, order: order)
            files["/k/\(id)/instructions.md"] = "# \(id)\n\n## Decisions this kata fixes\n\n- **Plus, not minus**: obviously.\n\n## Run it\n"
            files["/k/\(id)/Sources/Adder.swift"] = stub
            files["/k/\(id)/Tests/AdderTests.swift"] = tests
            files["/k/\(id)/.meta/solution/Adder.swift"] = solution
        }
        return MemoryFileSystem(files)
    }
}

/// One event-stream line per record, as Swift Testing writes them.
enum Events {
    static func declare(_ id: String, _ name: String) -> String {
        #"{"kind":"test","payload":{"kind":"function","id":"\#(id)","name":"f()","displayName":"\#(name)"},"version":0}"#
    }
    static func started(_ id: String) -> String { #"{"kind":"event","payload":{"kind":"testStarted","testID":"\#(id)"},"version":0}"# }
    static func ended(_ id: String) -> String { #"{"kind":"event","payload":{"kind":"testEnded","testID":"\#(id)"},"version":0}"# }
    static func failed(_ id: String) -> String {
        #"{"kind":"event","payload":{"kind":"issueRecorded","testID":"\#(id)","messages":[{"symbol":"fail","text":"wrong"}]},"version":0}"#
    }
    static let runEnded = #"{"kind":"event","payload":{"kind":"runEnded"},"version":0}"#
}

/// Plays `swift build` and the test binary for the learner's checks.
/// `build` answers builds; `test` gets the `--skip` patterns and returns (event lines, outcome).
final class FakeKataRunner: ProcessRunner, @unchecked Sendable {
    let fileSystem: MemoryFileSystem
    let build: @Sendable (ProcessRequest) -> ProcessOutcome
    let test: @Sendable ([String]) -> ([String], ProcessOutcome)
    private let lock = NSLock()
    private var seen: [ProcessRequest] = []

    init(fileSystem: MemoryFileSystem,
         build: @escaping @Sendable (ProcessRequest) -> ProcessOutcome = { _ in ProcessOutcome(exitCode: 0, output: "") },
         test: @escaping @Sendable ([String]) -> ([String], ProcessOutcome)) {
        self.fileSystem = fileSystem
        self.build = build
        self.test = test
    }

    var requests: [ProcessRequest] { lock.withLock { seen } }

    func run(_ request: ProcessRequest) async throws -> ProcessOutcome {
        lock.withLock { seen.append(request) }
        let arguments = request.arguments
        if arguments.starts(with: ["swift", "build"]) { return build(request) }
        var skips: [String] = []
        for (index, argument) in arguments.enumerated() where argument == "--skip" { skips.append(arguments[index + 1]) }
        let (events, outcome) = test(skips)
        let eventsFile = arguments[arguments.firstIndex(of: "--event-stream-output-path")! + 1]
        try fileSystem.write(events.joined(separator: "\n"), to: eventsFile)
        return outcome
    }
}

/// Never answers until cancelled, like a build or test the learner's next save makes obsolete.
struct BlockingRunner: ProcessRunner {
    let cancelled: Flag

    func run(_ request: ProcessRequest) async throws -> ProcessOutcome {
        do {
            try await Task.sleep(for: .seconds(3600))
        } catch {
            cancelled.set()
            throw CancellationError()
        }
        return ProcessOutcome(exitCode: 0, output: "")
    }
}

final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
