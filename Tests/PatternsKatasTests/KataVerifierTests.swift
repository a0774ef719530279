import Foundation
import PatternsContent
import Testing
@testable import PatternsKatas

/// Plays `swift`: the first build fails in one variant's sources; tests pass for the modules
/// listed in `passingModules` and fail for the others, writing the event stream as Swift Testing does.
final class FakeSwift: ProcessRunner, @unchecked Sendable {
    let fileSystem: InMemoryFileSystem
    let brokenModule: String?
    /// Modules whose tests pass (with no mutant on).
    var passingModules: Set<String>
    /// `KATA_MUTANT` values under which the generated schemata still passes (survivors).
    var survivingMutants: Set<String> = []
    /// `LINE:COLUMN: error: …` answers of the next schemata type-checks, one each.
    var typeCheckErrors: [String] = []
    private let lock = NSLock()
    private var mutantRuns: [String] = []
    private var builds = 0

    init(fileSystem: InMemoryFileSystem, brokenModule: String?, passing: Set<String>) {
        self.fileSystem = fileSystem
        self.brokenModule = brokenModule
        self.passingModules = passing
    }

    var buildCount: Int { lock.withLock { builds } }
    /// The `KATA_MUTANT` of each schemata run, in no particular order.
    var mutantsRun: [String] { lock.withLock { mutantRuns } }

    func run(_ request: ProcessRequest) async throws -> ProcessOutcome {
        let arguments = request.arguments
        // The harness alone builds; a schemata's type-check is clean unless told otherwise.
        if arguments == SwiftTestCommand.buildHarness() { return ProcessOutcome(exitCode: 0, output: "") }
        if arguments.first == "swiftc" {
            let error = lock.withLock { typeCheckErrors.isEmpty ? nil : typeCheckErrors.removeFirst() }
            return error.map { ProcessOutcome(exitCode: 1, output: "\(arguments.last!):\($0)\n") } ?? ProcessOutcome(exitCode: 0, output: "")
        }
        if arguments.starts(with: ["swift", "build"]) {
            let first = lock.withLock { builds += 1; return builds == 1 }
            guard first, let broken = brokenModule else { return ProcessOutcome(exitCode: 0, output: "Build complete!") }
            return ProcessOutcome(exitCode: 1, output: "\(request.workingDirectory)/Variants/\(broken)/Sources/Adder.swift:3:5: error: nope\n")
        }
        let target = String(arguments[arguments.firstIndex(of: "--filter")! + 1].dropFirst().dropLast(2))
        let module = String(target.dropLast("Tests".count))
        let eventsFile = arguments[arguments.firstIndex(of: "--event-stream-output-path")! + 1]
        let mutant = request.environment[GeneratedMutants.environmentVariable]
        if let mutant { lock.withLock { mutantRuns.append(mutant) } }
        let passes = mutant.map { survivingMutants.contains($0) } ?? passingModules.contains(module)
        try fileSystem.write(Self.events(passes: passes), to: eventsFile)
        return ProcessOutcome(exitCode: passes ? 0 : 1, output: "")
    }

    static func events(passes: Bool) -> String {
        let issue = #"{"kind":"event","payload":{"kind":"issueRecorded","testID":"T.a()","messages":[{"symbol":"fail","text":"no"}]},"version":0}"#
        return [
            #"{"kind":"test","payload":{"kind":"function","id":"T.a()","name":"a()","displayName":"It adds"},"version":0}"#,
            #"{"kind":"event","payload":{"kind":"testStarted","testID":"T.a()"},"version":0}"#,
            passes ? "" : issue,
            #"{"kind":"event","payload":{"kind":"testEnded","testID":"T.a()"},"version":0}"#,
            #"{"kind":"event","payload":{"kind":"runEnded"},"version":0}"#,
        ].joined(separator: "\n")
    }
}

@Suite("verify's orchestration, with a fake swift")
struct KataVerifierTests {
    func verify(broken: String?, passing: Set<String>) async throws -> (KataVerifier.Summary, String, FakeSwift) {
        let fileSystem = InMemoryFileSystem(files: [
            "katas/adder/Sources/Adder.swift": Fixture.stub,
            "katas/adder/.meta/solution/Adder.swift": Fixture.solution,
            "katas/adder/Tests/AdderTests.swift": Fixture.tests,
        ])
        let swift = FakeSwift(fileSystem: fileSystem, brokenModule: broken, passing: passing)
        let lines = LineCollector()
        let verifier = KataVerifier(
            fileSystem: fileSystem, runner: swift, paths: KataPaths(katasRoot: "katas"),
            scratch: ScratchPackage(root: "/scratch", katasPackage: "/katas"), log: { lines.append($0) }
        )
        let summary = try await verifier.verify([Fixture.kata()], diagnostics: Diagnostics())
        return (summary, lines.text, swift)
    }

    /// The adder kata verified with generated mutants from `generator`; the reference and the
    /// schemata pass, everything else fails unless `configure` says otherwise.
    func verifyGenerated(_ generator: FixedGenerator, configure: (FakeSwift) -> Void = { _ in })
        async throws -> (KataVerifier.Summary, LineCollector, FakeSwift, InMemoryFileSystem) {
        let fileSystem = InMemoryFileSystem(files: [
            "katas/adder/Sources/Adder.swift": Fixture.stub,
            "katas/adder/.meta/solution/Adder.swift": Fixture.solution,
            "katas/adder/Tests/AdderTests.swift": Fixture.tests,
        ])
        let swift = FakeSwift(fileSystem: fileSystem, brokenModule: nil, passing: ["AdderKata__reference", "AdderKata__generated"])
        configure(swift)
        let lines = LineCollector()
        var verifier = KataVerifier(
            fileSystem: fileSystem, runner: swift, paths: KataPaths(katasRoot: "katas"),
            scratch: ScratchPackage(root: "/scratch", katasPackage: "/katas"), log: { lines.append($0) }
        )
        verifier.mutantGenerator = generator
        let summary = try await verifier.verify([Fixture.kata()], diagnostics: Diagnostics())
        return (summary, lines, swift, fileSystem)
    }

    @Test("An honest kata passes: reference passes, stub and mutants fail")
    func honest() async throws {
        let (summary, output, _) = try await verify(broken: nil, passing: ["AdderKata__reference"])
        #expect(summary.succeeded)
        #expect(output.contains("adder  reference ✓ passes 1/1 · stub ✓ passes 0/1 · mutants 2/2 caught"))
        #expect(output.hasSuffix("verify: 4 passed, 0 failed"))
    }

    @Test("A variant that does not compile is named and set aside; the others still run")
    func compileFailureIsolated() async throws {
        let (summary, output, swift) = try await verify(broken: "AdderKata__swaps", passing: ["AdderKata__reference"])
        #expect(swift.buildCount == 2)
        #expect(summary.passed == 3 && summary.failed == 1)
        #expect(output.contains("error: adder: mutant swaps (AdderKata__swaps) does not compile"))
        #expect(output.contains("Variants/AdderKata__swaps/Sources/Adder.swift:3:5: error: nope"))
    }

    @Test("A reference that does not compile sinks its kata's other variants at once, not one rebuild each")
    func brokenReference() async throws {
        let (summary, output, swift) = try await verify(broken: "AdderKata__reference", passing: [])
        #expect(swift.buildCount == 2, "one failed build, one without the kata")
        #expect(summary.failed == 4)
        #expect(output.contains("error: adder: reference (AdderKata__reference) does not compile"))
        #expect(output.contains("error: adder: mutant swaps not built: the kata's reference does not compile"))
    }

    @Test("Generated mutants: one schemata build, one run per mutant, scored against the gate")
    func generatedMutants() async throws {
        let (summary, lines, swift, _) = try await verifyGenerated(FixedGenerator()) { $0.survivingMutants = ["2"] }

        #expect(swift.buildCount == 1, "all generated mutants share one build")
        #expect(swift.mutantsRun.sorted() == ["1", "2"])
        #expect(summary.scores.first?.killed == 1 && summary.scores.first?.percent == "50 %")
        #expect(!summary.succeeded, "50 % is below the gate")
        #expect(lines.text.contains("error: adder: generated mutant 'add(_:_:)/boundary/1' survived: Adder.swift:3: it flips"))
    }

    @Test("With generated mutants the schemata stands for the reference; one that fails gets the reference built and judged")
    func referenceHeldBack() async throws {
        let (passing, _, quiet, fileSystem) = try await verifyGenerated(FixedGenerator())
        #expect(!(try fileSystem.readText(at: "/scratch/Package.swift")).contains("AdderKata__reference\""), "no reference build while the schemata passes")
        #expect(quiet.buildCount == 1)
        #expect(!passing.verdicts.contains { $0.variant.kind == .reference })

        let (doubted, lines, swift, _) = try await verifyGenerated(FixedGenerator()) { $0.passingModules = ["AdderKata__reference"] }
        #expect(swift.buildCount == 2, "a second build, for the reference")
        #expect(lines.text.contains("verify: the schemata of adder did not pass; building the reference on its own"))
        #expect(lines.text.contains("adder  stub ✓ passes 0/1 · generated schemata ✗ passes 0/1 · reference ✓ passes 1/1"), "\(lines.text)")
        #expect(!doubted.succeeded, "the schemata itself is still at fault")
    }

    @Test("A hand-written mutant folded into the schemata gets no build of its own, and is judged from its run")
    func foldedHandWritten() async throws {
        let (summary, lines, swift, fileSystem) = try await verifyGenerated(FixedGenerator(folding: ["subtracts"])) { $0.survivingMutants = ["3"] }

        let manifest = try fileSystem.readText(at: "/scratch/Package.swift")
        #expect(!manifest.contains("AdderKata__subtracts"), "a folded mutant is not built on its own")
        #expect(manifest.contains("AdderKata__swaps"), "one that is not folded still is")
        #expect(swift.mutantsRun.sorted() == ["1", "2", "3"])
        #expect(lines.text.contains("error: adder: mutant 'subtracts' survived: The subtracts mistake."))
        #expect(!summary.succeeded)
        #expect(summary.scores.first.map { $0.killed + $0.survivors.count } == 2, "hand-written mutants are not in the generated score")
    }

    @Test("A schemata that fails for a reason no mutant holds gets its hand-written mutants back as builds of their own")
    func unfoldedWhenUnattributable() async throws {
        let (summary, lines, _, fileSystem) = try await verifyGenerated(FixedGenerator(folding: ["subtracts", "swaps"])) {
            $0.typeCheckErrors = ["1:1: error: expected member name following '.'"]
        }

        let manifest = try fileSystem.readText(at: "/scratch/Package.swift")
        #expect(manifest.contains("AdderKata__subtracts") && manifest.contains("AdderKata__swaps"), "\(manifest)")
        #expect(lines.text.contains("hand-written subtracts, swaps built on their own"))
        #expect(summary.succeeded, "\(lines.text)")
    }

    @Test("Loader diagnostics are printed and fail the run")
    func metadata() async throws {
        let fileSystem = InMemoryFileSystem()
        let lines = LineCollector()
        let verifier = KataVerifier(
            fileSystem: fileSystem, runner: ScriptedRunner(answers: [:]), paths: KataPaths(katasRoot: "katas"),
            scratch: ScratchPackage(root: "/scratch", katasPackage: "/katas"), log: { lines.append($0) }
        )
        let diagnostic = Diagnostic.error(at: SourceLocation(file: "katas/x/kata.yml", line: 3, column: 1), "kata 'x' needs at least 3 mutants (found 1)")
        let summary = try await verifier.verify([], diagnostics: Diagnostics([diagnostic]))
        #expect(!summary.succeeded)
        #expect(lines.text.hasPrefix("katas/x/kata.yml:3:1: error: kata 'x' needs at least 3 mutants (found 1)"))
    }
}

/// Two generated mutants, whatever the files; with `folding`, those hand-written mutants folded in too.
struct FixedGenerator: MutantGenerating {
    var folding: [String] = []

    func generate(kataID: String, solutionFiles: [String], handWritten: [HandWrittenEdit], excluding: Set<String>) async throws -> GeneratedMutants {
        let region = GeneratedMutant.Region(startLine: 3, startColumn: 5, endLine: 3, endColumn: 20)
        let folded = handWritten.filter { folding.contains($0.id) && !excluding.contains($0.id) }.enumerated().map { offset, edit in
            GeneratedMutant(id: edit.id, index: 3 + offset, file: edit.file, line: 3, column: 5, description: "hand-written", region: region)
        }
        return GeneratedMutants(files: ["Adder.swift": Fixture.solution], mutants: [
            GeneratedMutant(id: "add(_:_:)/arithmetic/1", index: 1, file: "Adder.swift", line: 3, column: 5, description: "it subtracts", region: region),
            GeneratedMutant(id: "add(_:_:)/boundary/1", index: 2, file: "Adder.swift", line: 3, column: 5, description: "it flips", region: region),
        ], folded: folded)
    }
}
