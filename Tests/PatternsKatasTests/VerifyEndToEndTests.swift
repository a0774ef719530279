import Foundation
import PatternsContent
import Testing
@testable import PatternsKatas

/// Runs the real `swift build` and `swift test` on a one-kata package in a temporary directory:
/// the reference passes, the stub fails, `subtracts` is caught and `swaps` (a + b → b + a)
/// survives, which must fail the run and be named.
@Suite("verify, end to end", .serialized)
struct VerifyEndToEndTests {
    @Test("A surviving mutant fails the run and is named", .timeLimit(.minutes(5)))
    func survivingMutant() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kata-verify-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let fileSystem = LocalFileSystem(root: root)
        try fileSystem.write(Self.katasManifest, to: "katas/Package.swift")
        try fileSystem.write("public enum Harness { public static let ready = true }\n", to: "katas/Harness/Harness.swift")
        try fileSystem.write(Fixture.stub, to: "katas/adder/Sources/Adder.swift")
        try fileSystem.write(Fixture.solution, to: "katas/adder/.meta/solution/Adder.swift")
        try fileSystem.write(Fixture.tests, to: "katas/adder/Tests/AdderTests.swift")

        let lines = LineCollector()
        let verifier = KataVerifier(
            fileSystem: fileSystem, runner: GroupProcessRunner(), paths: KataPaths(katasRoot: "katas"),
            scratch: ScratchPackage(root: root + "/katas/.build-verify", katasPackage: root + "/katas"),
            log: { lines.append($0) }
        )
        let summary = try await verifier.verify([Fixture.kata()], diagnostics: Diagnostics())
        let output = lines.text
        #expect(summary.passed == 3, "\(output)")
        #expect(summary.failed == 1)
        #expect(output.contains("adder  reference ✓ passes 2/2 · stub ✓ passes 0/2 · mutants 1/2 caught"))
        #expect(output.contains("error: adder: mutant 'swaps' survived: The swaps mistake."))
        #expect(output.hasSuffix("verify: 3 passed, 1 failed"))
    }

    static let katasManifest = """
        // swift-tools-version: 6.0
        import PackageDescription
        let package = Package(
            name: "katas",
            products: [.library(name: "KataHarness", targets: ["KataHarness"])],
            targets: [.target(name: "KataHarness", path: "Harness")]
        )

        """
}

final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) {
        lock.lock()
        lines.append(line)
        lock.unlock()
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return lines.joined(separator: "\n")
    }
}
