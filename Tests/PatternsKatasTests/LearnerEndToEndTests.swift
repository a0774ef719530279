import Foundation
import Testing
@testable import PatternsKatas

/// Runs the real `swift build` and test binary on a one-kata package in a temporary directory:
/// a trap fails only its own behaviour, and code that never returns is stopped at the limit.
@Suite("The learner's check, end to end", .serialized)
struct LearnerEndToEndTests {
    @Test("A crash is isolated to its behaviour; a hang is cut at the time limit and leaves no process behind", .timeLimit(.minutes(5)))
    func crashThenHang() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kata-learner-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let fileSystem = DiskFileSystem()
        try fileSystem.write("// swift-tools-version: 6.0\n", to: "\(root)/Package.swift")
        try fileSystem.write("public enum Harness { public static let ready = true }\n", to: "\(root)/Harness/Harness.swift")
        try fileSystem.write(Fixture.kataYAML(id: "adder", order: 1), to: "\(root)/adder/kata.yml")
        try fileSystem.write(Self.crashing, to: "\(root)/adder/Sources/Adder.swift")
        try fileSystem.write(Self.tests, to: "\(root)/adder/Tests/AdderTests.swift")

        var checker = KataChecker(runner: GroupProcessRunner(), fileSystem: fileSystem, layout: KataLayout(katasRoot: root))
        checker.timeLimit = .seconds(5)
        let kata = KataCatalog.load(KataLayout(katasRoot: root), fileSystem).katas[0]

        let crashed = try await checker.check(kata)
        guard case .tested(let report, let names) = crashed else {
            Issue.record("expected the run to finish despite the crash, got \(crashed)")
            return
        }
        #expect(names == ["Unwrapping finds a value"])
        #expect(report.behaviours.count == 3)
        let unwrap = report.behaviours.first { $0.name == "Unwrapping finds a value" }
        #expect(unwrap?.status == .failed)
        #expect(unwrap?.issues.last?.hasPrefix("crashed: AdderKata/Adder.swift:6: Fatal error: Unexpectedly found nil") == true)
        #expect(report.behaviours.filter(\.passed).map(\.name).sorted() == ["Adding zero keeps the number", "Two numbers add up"])

        try fileSystem.write(Self.hanging, to: "\(root)/adder/Sources/Adder.swift")
        let hung = try await checker.check(kata)
        guard case .timedOut(_, let behaviour, let limit) = hung else {
            Issue.record("expected the time limit, got \(hung)")
            return
        }
        #expect(limit == .seconds(5))
        #expect(behaviour == "Adding zero keeps the number" || behaviour == "Two numbers add up")
        let binary = KataWorkspace(layout: KataLayout(katasRoot: root), kata: kata).testBinary
        #expect(try await processes(running: binary).isEmpty, "the spinning test binary must be gone")
    }

    @Test("Cancelling a run ends the child's whole process group, grandchildren included")
    func cancelEndsTheGroup() async throws {
        // A shell that starts a grandchild, as `swift build` starts compiler jobs.
        let marker = "\(Int.random(in: 100_000...999_999))"
        let task = Task {
            try await GroupProcessRunner().run(ProcessRequest(["sh", "-c", "sleep 7\(marker) & sleep 8\(marker); wait"], in: "/"))
        }
        while try await processes(running: "sleep 7\(marker)").isEmpty { try await Task.sleep(for: .milliseconds(20)) }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(try await processes(running: marker).isEmpty)
    }

    @Test("Ctrl-C's handler kills every group still running")
    func interruptKillsAll() async throws {
        let marker = "\(Int.random(in: 100_000...999_999))"
        // A registry of its own: the shared one holds the processes of tests running in parallel.
        let groups = RunningGroups()
        let task = Task { try await GroupProcessRunner(groups: groups).run(ProcessRequest(["sleep", "9\(marker)"], in: "/")) }
        while try await processes(running: "sleep 9\(marker)").isEmpty { try await Task.sleep(for: .milliseconds(20)) }
        groups.killAll()
        let outcome = try await task.value
        #expect(outcome.signal == SIGKILL)
    }

    /// Processes whose command line names `path`, from `ps` (through the runner under test's
    /// own kind of process, so the check needs no extra tool).
    func processes(running path: String) async throws -> [String] {
        let outcome = try await GroupProcessRunner().run(ProcessRequest(["ps", "-eo", "args"], in: "/"))
        return outcome.output.split(separator: "\n").map(String.init).filter { $0.contains(path) && !$0.contains("ps -eo") }
    }

    static let crashing = """
        /// Returns the sum of `a` and `b`.
        public func add(_ a: Int, _ b: Int) -> Int { a + b }

        /// Returns the value inside.
        public func unwrap(_ value: Int?) -> Int {
            value!
        }

        """

    static let hanging = """
        public func add(_ a: Int, _ b: Int) -> Int {
            var total = a
            while total != Int.min { total = total &+ 0 }
            return total + b
        }

        public func unwrap(_ value: Int?) -> Int { value ?? 0 }

        """

    static let tests = """
        import Testing
        @testable import AdderKata

        @Test("Adding zero keeps the number") func zero() { #expect(add(3, 0) == 3) }
        @Test("Unwrapping finds a value") func unwrapping() { #expect(unwrap(nil) == 0) }
        @Test("Two numbers add up") func sum() { #expect(add(2, 3) == 5) }

        """
}
