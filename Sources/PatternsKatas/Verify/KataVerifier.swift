import KataLearner
import PatternsContent

/// `patterns kata verify`: builds every variant of every kata in one scratch package, runs each
/// variant's tests and judges them. Writes nothing outside the scratch package.
public struct KataVerifier: Sendable {
    public var fileSystem: FileSystem
    public var runner: ProcessRunner
    public var paths: KataPaths
    public var scratch: ScratchPackage
    public var testTimeout: Duration = .seconds(60)
    public var buildTimeout: Duration = .seconds(1800)
    public var parallelism = 2
    /// Progress and results, a line at a time.
    public var log: @Sendable (String) -> Void

    public init(fileSystem: FileSystem, runner: ProcessRunner, paths: KataPaths, scratch: ScratchPackage,
                log: @escaping @Sendable (String) -> Void) {
        self.fileSystem = fileSystem
        self.runner = runner
        self.paths = paths
        self.scratch = scratch
        self.log = log
    }

    public struct Summary: Sendable {
        public var verdicts: [VariantVerdict]
        public var metadataErrors: Int
        public var passed: Int { verdicts.filter(\.ok).count }
        public var failed: Int { verdicts.count - passed }
        public var succeeded: Bool { failed == 0 && metadataErrors == 0 }
    }

    public func verify(_ katas: [Kata], diagnostics: Diagnostics) async throws -> Summary {
        let metadata = KataDiagnostics.relevant(diagnostics, katasRoot: paths.katasRoot)
        for diagnostic in metadata { log(diagnostic.description) }

        guard !katas.isEmpty else {
            log("verify: no katas found in \(paths.katasRoot)")
            return Summary(verdicts: [], metadataErrors: max(1, metadata.count))
        }
        var variants: [Variant] = []
        var runs: [Variant: VariantRun] = [:]
        for kata in katas {
            let files = try paths.files(of: kata, in: fileSystem)
            let generated = VariantGenerator.variants(for: kata, files: files)
            variants += generated.variants
            for (index, error) in generated.errors.enumerated() {
                // A stand-in variant, so the failure is counted and shown in the kata's row.
                let kind: Variant.Kind = error.mutant.map { .mutant($0) } ?? .invalid
                let module = "\(kata.module)__invalid\(index)"
                let broken = Variant(kataID: kata.id, kind: kind, module: module, sources: [:], tests: [:])
                runs[broken] = .invalid(error.message)
                variants.append(broken)
            }
        }

        var buildable = variants.filter { runs[$0] == nil }
        log("verify: building \(buildable.count) variants of \(katas.count) kata\(katas.count == 1 ? "" : "s") in \(scratch.root)")
        let compileFailures = try await build(&buildable)
        runs.merge(compileFailures) { first, _ in first }
        let tested = try await runTests(buildable)
        runs.merge(tested) { first, _ in first }

        let verdicts = variants.map { VariantVerdict.judge($0, runs[$0] ?? .invalid("not run")) }
        report(katas, verdicts)
        let errors = metadata.filter { $0.severity == .error }.count
        let summary = Summary(verdicts: verdicts, metadataErrors: errors)
        let extra = errors > 0 ? ", \(errors) metadata error\(errors == 1 ? "" : "s")" : ""
        log("verify: \(summary.passed) passed, \(summary.failed) failed\(extra)")
        return summary
    }

    /// Builds, and when some variants do not compile, sets them aside and builds the rest, so
    /// one broken mutant does not hide the results of all the others.
    private func build(_ variants: inout [Variant]) async throws -> [Variant: VariantRun] {
        var failures: [Variant: VariantRun] = [:]
        for _ in 0..<4 {
            try scratch.sync(variants, to: fileSystem)
            let outcome = try await runner.run(ProcessRequest(SwiftTestCommand.build(), in: scratch.root, timeout: buildTimeout))
            if outcome.succeeded { return failures }
            let errors = CompilerErrors.extract(from: outcome.output)
            let broken = variants.filter { variant in errors.contains { $0.path.contains("/Variants/\(variant.module)/") } }
            if broken.isEmpty {
                // Not attributable to one variant (the harness, the manifest…): nothing can run.
                let lines = errors.isEmpty ? Array(outcome.output.split(separator: "\n").suffix(20).map(String.init))
                                           : errors.flatMap { [$0.line] + $0.context }
                for variant in variants { failures[variant] = .compileFailed(lines) }
                variants = []
                return failures
            }
            for variant in broken {
                let mine = errors.filter { $0.path.contains("/Variants/\(variant.module)/") }
                failures[variant] = .compileFailed(mine.flatMap { [$0.line] + $0.context })
            }
            variants.removeAll { failures[$0] != nil }
            log("verify: \(broken.count) variant(s) do not compile; rebuilding without them")
        }
        return failures
    }

    private func runTests(_ variants: [Variant]) async throws -> [Variant: VariantRun] {
        let eventsDir = join(scratch.root, ".build/verify-events")
        try fileSystem.createDirectory(at: eventsDir)
        var results: [Variant: VariantRun] = [:]
        try await withThrowingTaskGroup(of: (Variant, VariantRun).self) { group in
            var pending = variants[...]
            func startNext() {
                guard let variant = pending.popFirst() else { return }
                group.addTask { (variant, try await runTests(of: variant, eventsDir: eventsDir)) }
            }
            for _ in 0..<max(1, parallelism) { startNext() }
            while let (variant, run) = try await group.next() {
                results[variant] = run
                startNext()
            }
        }
        return results
    }

    /// Crash-isolated: a mutant that traps fails the behaviour it trapped in, and the rest still run.
    private func runTests(of variant: Variant, eventsDir: String) async throws -> VariantRun {
        let eventsFile = join(eventsDir, "\(variant.module).jsonl")
        let result = try await CrashIsolation.run { skipping in
            if fileSystem.fileExists(at: eventsFile) { try fileSystem.removeItem(at: eventsFile) }
            let arguments = SwiftTestCommand.test(target: variant.testTarget, eventsFile: eventsFile, skipping: skipping)
            let outcome = try await runner.run(ProcessRequest(
                arguments, in: scratch.root, timeout: testTimeout, environment: SwiftTestCommand.environment
            ))
            let events = (try? fileSystem.readText(at: eventsFile)) ?? ""
            return CrashIsolation.Run(report: TestEventStreamParser.parse(events), outcome: outcome)
        }
        return .ran(result.report, timedOut: result.outcome.timedOut, output: result.outcome.output)
    }

    private func report(_ katas: [Kata], _ verdicts: [VariantVerdict]) {
        let width = katas.map(\.id.count).max() ?? 0
        log("")
        for kata in katas {
            log(VerifyTable.line(kataID: kata.id, width: width, verdicts: verdicts.filter { $0.variant.kataID == kata.id }))
        }
        let problems = verdicts.compactMap(\.problem)
        if !problems.isEmpty {
            log("")
            for problem in problems { log("error: \(problem)") }
        }
        log("")
    }
}
