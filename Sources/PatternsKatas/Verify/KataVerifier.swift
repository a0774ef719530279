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
    /// Makes the generated mutants; none are made without one.
    public var mutantGenerator: MutantGenerating?
    /// A generated mutant's tests take milliseconds; one that hangs is killed after this.
    public var mutantTimeout: Duration = .seconds(10)
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
        public var scores: [MutationScore] = []
        public var passed: Int { verdicts.filter(\.ok).count }
        public var failed: Int { verdicts.count - passed }
        public var lowScores: [MutationScore] { scores.filter { $0.failsGate || !$0.wrongEquivalents.isEmpty } }
        public var succeeded: Bool { failed == 0 && metadataErrors == 0 && lowScores.isEmpty }
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
        var schemata = SchemataBuilds()
        // References held back: a schemata run with no mutant on is the reference's code, so it
        // stands for it, and a kata is two builds (stub, schemata). Built only to judge a doubt.
        var reserved: [Variant] = []
        for kata in katas {
            let files = try paths.files(of: kata, in: fileSystem)
            let generated = VariantGenerator.variants(for: kata, files: files)
            if let mutantGenerator, generated.errors.isEmpty {
                let build = try await schemataBuild(of: kata, files, generated.variants, mutantGenerator)
                schemata.builds[kata.id] = build
                reserved += generated.variants.filter { $0.kind == .reference }
                variants += generated.variants.filter { !VerifyTable.isMutant($0) && $0.kind != .reference } + build.separateVariants
                    + [VariantGenerator.schemata(for: kata, files: files, generated: build.generated)]
            } else {
                variants += generated.variants
            }
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
        let compileFailures = try await build(&buildable, &schemata)
        runs.merge(compileFailures) { first, _ in first }
        let tested = try await runTests(buildable, schemata)
        runs.merge(tested.runs) { first, _ in first }
        let doubted = try await judgeDoubtedReferences(reserved, &buildable, &schemata, &runs)
        variants += doubted

        // A variant regenerated without its stillborn mutants replaced the one first listed, and
        // hand-written mutants taken out of a schemata were built on their own.
        // Both are found by module: the variant that ran or failed may be a later version of the one listed.
        let built = Dictionary(buildable.map { ($0.module, $0) }, uniquingKeysWith: { first, _ in first })
        let byModule = Dictionary(runs.map { ($0.key.module, ($0.key, $0.value)) }, uniquingKeysWith: { one, other in
            if case .ran = one.1 { one } else { other }
        })
        let listed = variants + buildable.filter { variant in !variants.contains { $0.module == variant.module } }
        var verdicts = listed.map { listed in
            let (variant, run) = byModule[listed.module] ?? (built[listed.module] ?? listed, .invalid("not run"))
            return VariantVerdict.judge(variant, run)
        }
        verdicts += foldedVerdicts(katas, schemata, tested.folded, byModule: byModule)
        let scores = katas.compactMap { kata in schemata.score(kata, outcomes: tested.outcomes[kata.id]) }
        report(katas, verdicts, scores)
        let errors = metadata.filter { $0.severity == .error }.count
        let summary = Summary(verdicts: verdicts, metadataErrors: errors, scores: scores)
        let extra = errors > 0 ? ", \(errors) metadata error\(errors == 1 ? "" : "s")" : ""
        log("verify: \(summary.passed) passed, \(summary.failed) failed\(extra)")
        return summary
    }

    /// A schemata that did not pass with no mutant on says nothing certain about its reference
    /// (the reference may fail, or the schemata be at fault): that reference is built on its own
    /// and judged. Returns the references it built.
    private func judgeDoubtedReferences(_ reserved: [Variant], _ buildable: inout [Variant], _ schemata: inout SchemataBuilds,
                                        _ runs: inout [Variant: VariantRun]) async throws -> [Variant] {
        let passed = Set(runs.filter { $0.key.kind == .schemata && Self.passes($0.value) }.map(\.key.kataID))
        let doubted = reserved.filter { !passed.contains($0.kataID) }
        guard !doubted.isEmpty else { return [] }
        log("verify: the schemata of \(doubted.map(\.kataID).joined(separator: ", ")) did not pass; building the reference on its own")
        var all = buildable + doubted
        let failures = try await build(&all, &schemata)
        runs.merge(failures) { _, latest in latest }
        let references = all.filter { variant in doubted.contains { $0.module == variant.module } }
        runs.merge(try await runTests(references, SchemataBuilds()).runs) { _, latest in latest }
        buildable = all
        return doubted
    }

    static func passes(_ run: VariantRun) -> Bool {
        guard case .ran(let report, let timedOut, _) = run else { return false }
        return report.allPassed && !timedOut
    }

    /// The kata's schemata, with every hand-written mutant folded in that can be; `variants` are
    /// the kata's own, from which the hand-written mutants' separate builds are kept in reserve.
    private func schemataBuild(of kata: Kata, _ files: KataFiles, _ variants: [Variant],
                               _ generator: MutantGenerating) async throws -> SchemataBuilds.Build {
        let solutionFiles = files.solution.keys.sorted().map { join(paths.solution(kata), $0) }
        var separate: [String: Variant] = [:]
        for variant in variants { if case .mutant(let mutant) = variant.kind { separate[mutant.id] = variant } }
        // Only edits to the learner's files can be folded: a given file is not in the schemata.
        let edits = kata.mutants.filter { separate[$0.id] != nil && files.solution[$0.file] != nil }.map {
            HandWrittenEdit(id: $0.id, file: $0.file, replace: $0.replace, replacement: $0.replacement)
        }
        let made = try await generator.generate(kataID: kata.id, solutionFiles: solutionFiles, handWritten: edits, excluding: [])
        return .init(kata: kata, files: files, solutionFiles: solutionFiles, generated: made, handWritten: edits, separate: separate)
    }

    /// A folded hand-written mutant is judged like one built on its own, from its run of the
    /// schemata; when the schemata never ran, by what stopped it.
    private func foldedVerdicts(_ katas: [Kata], _ schemata: SchemataBuilds, _ folded: [String: [String: VariantRun]],
                                byModule: [String: (Variant, VariantRun)]) -> [VariantVerdict] {
        katas.flatMap { kata -> [VariantVerdict] in
            guard let build = schemata.builds[kata.id] else { return [] }
            let module = VariantGenerator.schemataModule(of: kata)
            let schemataRun = byModule[module]?.1
            return build.generated.folded.compactMap { entry -> VariantVerdict? in
                guard let mutant = kata.mutants.first(where: { $0.id == entry.id }) else { return nil }
                let variant = Variant(kataID: kata.id, kind: .mutant(mutant), module: module, sources: [:], tests: [:])
                let run = foldedRunOrCause(folded[kata.id]?[mutant.id], schemataRun)
                return VariantVerdict.judge(variant, run)
            }
        }
    }

    private func foldedRunOrCause(_ run: VariantRun?, _ schemataRun: VariantRun?) -> VariantRun {
        if let run { return run }
        if let schemataRun, case .compileFailed = schemataRun { return schemataRun }
        return .invalid("the schemata holding it did not run")
    }

    /// Builds, and when some variants do not compile, sets them aside and builds the rest, so
    /// one broken mutant does not hide the results of all the others. A generated mutant that
    /// does not compile (`+` on two strings, say) is dropped from its schemata, which is rebuilt.
    private func build(_ variants: inout [Variant], _ schemata: inout SchemataBuilds) async throws -> [Variant: VariantRun] {
        var failures: [Variant: VariantRun] = [:]
        // Schemata that type-checked clean: not checked again unless the build blames them.
        var checked: Set<Variant> = []
        // The harness alone first, so every schemata is type-checked against it before the package
        // build meets it: a mutant that does not compile costs a second there, a failed build a minute.
        try scratch.sync(variants, to: fileSystem)
        let harness = try await runner.run(ProcessRequest(SwiftTestCommand.buildHarness(), in: scratch.root, timeout: buildTimeout))
        if harness.succeeded {
            try await checkSchemata(&variants, &schemata, errors: [], broken: [], &checked, &failures)
        }
        // Each round sets aside at least one broken variant, so the rounds are bounded by them; the
        // build stops at the first broken module, so a round may find only one.
        let reserve = schemata.builds.values.map(\.separate.count).reduce(0, +)
        for _ in 0...(variants.count + reserve) {
            try scratch.sync(variants, to: fileSystem)
            let outcome = try await runner.run(ProcessRequest(SwiftTestCommand.build(), in: scratch.root, timeout: buildTimeout))
            if outcome.succeeded { return failures }
            let errors = CompilerErrors.extract(from: outcome.output)
            let broken = variants.filter { !Self.errors(of: $0, in: errors).isEmpty }
            if broken.isEmpty {
                // Not attributable to one variant (the harness, the manifest…): nothing can run.
                let lines = errors.isEmpty ? Array(outcome.output.split(separator: "\n").suffix(20).map(String.init))
                                           : errors.flatMap { [$0.line] + $0.context }
                for variant in variants { failures[variant] = .compileFailed(lines) }
                variants = []
                return failures
            }
            // Every variant of a kata shares its tests and most of its reference: when the reference
            // does not compile, building the rest would only fail again, one rebuild each.
            let sunk = Set(broken.filter { $0.kind == .reference }.map(\.kataID))
            for variant in variants where sunk.contains(variant.kataID) {
                failures[variant] = variant.kind == .reference ? Self.compileFailure(of: variant, in: errors)
                    : .invalid("\(variant.label) not built: the kata's reference does not compile")
            }
            try await checkSchemata(&variants, &schemata, errors: errors, broken: broken, &checked, &failures)
            for variant in broken where variant.kind != .schemata && failures[variant] == nil {
                failures[variant] = Self.compileFailure(of: variant, in: errors)
            }
            variants.removeAll { failures[$0] != nil }
            log("verify: \(broken.count) variant(s) do not compile; rebuilding without them")
        }
        // Unreachable while each round removes a variant; kept so a mistake cannot loop for ever.
        for variant in variants { failures[variant] = .compileFailed(["the scratch package never built"]) }
        variants = []
        return failures
    }

    /// The compiler errors in one variant's own files.
    static func errors(of variant: Variant, in errors: [CompilerErrors.Entry]) -> [CompilerErrors.Entry] {
        errors.filter { $0.path.contains("/Variants/\(variant.module)/") }
    }

    static func compileFailure(of variant: Variant, in errors: [CompilerErrors.Entry]) -> VariantRun {
        .compileFailed(Self.errors(of: variant, in: errors).flatMap { [$0.line] + $0.context })
    }

    /// Prunes every schemata not yet checked, or blamed by the build (`errors`), and adds the
    /// separate build of each hand-written mutant that had to be taken back out of one.
    private func checkSchemata(_ variants: inout [Variant], _ schemata: inout SchemataBuilds, errors: [CompilerErrors.Entry],
                               broken: [Variant], _ checked: inout Set<Variant>, _ failures: inout [Variant: VariantRun]) async throws {
        let sunk = Set(failures.keys.filter { $0.kind == .reference }.map(\.kataID))
        for variant in variants where variant.kind == .schemata && failures[variant] == nil
            && !(checked.contains(variant) && !broken.contains(variant)) {
            if let pruned = try await prune(variant, Self.errors(of: variant, in: errors), &schemata, variants) {
                variants = variants.map { $0 == variant ? pruned : $0 }
                checked.insert(pruned)
            } else {
                failures[variant] = Self.compileFailure(of: variant, in: errors)
            }
        }
        for build in schemata.builds.values where !sunk.contains(build.kata.id) {
            for separate in build.separateVariants where failures[separate] == nil && !variants.contains(where: { $0.module == separate.module }) {
                variants.append(separate)
            }
        }
    }

    /// One test process per variant, and for a schemata one more per generated mutant.
    /// Drops a schemata's generated mutants that do not compile, compiling that one module to SIL
    /// with `swiftc` (seconds) rather than rebuilding the package (a minute) after each drop.
    /// Nil when an error lies outside every mutant: then the schemata itself is broken.
    private func prune(_ variant: Variant, _ buildErrors: [CompilerErrors.Entry], _ schemata: inout SchemataBuilds,
                       _ variants: [Variant]) async throws -> Variant? {
        var current = variant
        if !buildErrors.isEmpty {
            // The package build's own errors first: some (definite initialisation) only it finds.
            guard let build = schemata.builds[variant.kataID], let blamed = culprits(buildErrors, build) else { return nil }
            current = try await schemata.regenerate(variant.kataID, excluding: blamed, with: mutantGenerator!)
            log(prunedMessage(variant.kataID, blamed, schemata))
        }
        for _ in 0..<12 {
            try scratch.sync(variants.map { $0.module == current.module ? current : $0 }, to: fileSystem)
            let sourcesDir = join(scratch.root, "Variants/\(current.module)/Sources")
            let check = SwiftTestCommand.diagnose(module: current.module, files: current.sources.keys.sorted().map { join(sourcesDir, $0) },
                                                   modules: builtModulesDirectory())
            let outcome = try await runner.run(ProcessRequest(check, in: scratch.root, timeout: buildTimeout))
            if outcome.succeeded { return current }
            // The type-check only speeds things up; errors it cannot pin on a mutant (the harness
            // not built yet, say) are left for the package build to judge.
            guard let build = schemata.builds[variant.kataID],
                  let blamed = culprits(CompilerErrors.extract(from: outcome.output), build) else { return current }
            current = try await schemata.regenerate(variant.kataID, excluding: blamed, with: mutantGenerator!)
            log(prunedMessage(variant.kataID, blamed, schemata))
        }
        return nil
    }

    /// The mutants to take out for `errors`: those blamed, or, when none can be, every folded
    /// hand-written one — folding only saves builds, so its failing must not sink the kata.
    private func culprits(_ errors: [CompilerErrors.Entry], _ build: SchemataBuilds.Build) -> Set<String>? {
        if let blamed = SchemataBlame.blame(errors, on: build.generated.switched), !blamed.isEmpty { return blamed }
        return build.generated.folded.isEmpty ? nil : Set(build.generated.folded.map(\.id))
    }

    private func prunedMessage(_ kataID: String, _ blamed: Set<String>, _ schemata: SchemataBuilds) -> String {
        let handWritten = blamed.intersection(schemata.builds[kataID]?.handWritten.map(\.id) ?? [])
        var parts: [String] = []
        if blamed.count > handWritten.count { parts.append("\(blamed.count - handWritten.count) generated mutant(s) do not compile") }
        if !handWritten.isEmpty {
            parts.append("hand-written \(handWritten.sorted().joined(separator: ", ")) built on \(handWritten.count == 1 ? "its" : "their") own")
        }
        return "verify: \(kataID): \(parts.joined(separator: "; ")); type-checking the rest"
    }

    /// Where the scratch build keeps the modules (the harness) a variant imports. SwiftPM links
    /// `.build/debug` only after a build succeeds, and the type-check runs after one that failed,
    /// so the platform folder (`.build/x86_64-unknown-linux-gnu/debug`) is looked for too.
    func builtModulesDirectory() -> String {
        let build = join(scratch.root, ".build")
        let candidates = ["debug"] + ((try? fileSystem.listDirectory(at: build)) ?? []).sorted().map { join($0, "debug") }
        let found = candidates.map { join(join(build, $0), "Modules") }.first { fileSystem.fileExists(at: $0) }
        return found ?? join(build, "debug/Modules")
    }

    /// Runs every variant's tests, and a schemata's once more per mutant behind its switch.
    /// `outcomes`: kata → generated mutant → killed; `folded`: kata → hand-written mutant → its run.
    private func runTests(_ variants: [Variant], _ schemata: SchemataBuilds)
        async throws -> (runs: [Variant: VariantRun], outcomes: [String: [String: Bool]], folded: [String: [String: VariantRun]]) {
        let eventsDir = join(scratch.root, ".build/verify-events")
        try fileSystem.createDirectory(at: eventsDir)
        var jobs: [(Variant, GeneratedMutant?)] = variants.map { ($0, nil) }
        for variant in variants where variant.kind == .schemata {
            jobs += (schemata.builds[variant.kataID]?.generated.switched ?? []).map { (variant, $0) }
        }
        var runs: [Variant: VariantRun] = [:]
        var outcomes: [String: [String: Bool]] = [:]
        var folded: [String: [String: VariantRun]] = [:]
        try await withThrowingTaskGroup(of: (Variant, GeneratedMutant?, VariantRun).self) { group in
            var pending = jobs[...]
            func startNext() {
                guard let (variant, mutant) = pending.popFirst() else { return }
                group.addTask { (variant, mutant, try await runTests(of: variant, mutant: mutant, eventsDir: eventsDir)) }
            }
            for _ in 0..<max(1, parallelism) { startNext() }
            while let (variant, mutant, run) = try await group.next() {
                if let mutant, schemata.builds[variant.kataID]?.generated.folded.contains(mutant) == true {
                    folded[variant.kataID, default: [:]][mutant.id] = run
                } else if let mutant {
                    outcomes[variant.kataID, default: [:]][mutant.id] = Self.kills(run)
                } else {
                    runs[variant] = run
                }
                startNext()
            }
        }
        return (runs, outcomes, folded)
    }

    /// A mutant is killed when a test fails, the process crashes or it hangs.
    static func kills(_ run: VariantRun) -> Bool { !passes(run) }

    /// References, stubs and hand-written mutants are crash-isolated, so every behaviour reports;
    /// a generated mutant runs once and only to its first failing test, since that kills it.
    private func runTests(of variant: Variant, mutant: GeneratedMutant?, eventsDir: String) async throws -> VariantRun {
        let eventsFile = join(eventsDir, "\(variant.module)\(mutant.map { "-\($0.index)" } ?? "").jsonl")
        var environment = SwiftTestCommand.environment
        if let mutant { environment[GeneratedMutants.environmentVariable] = "\(mutant.index)" }
        let timeout = mutant == nil ? testTimeout : mutantTimeout
        let request: ([String]) throws -> ProcessRequest = { skipping in
            if fileSystem.fileExists(at: eventsFile) { try fileSystem.removeItem(at: eventsFile) }
            let arguments = SwiftTestCommand.direct(packageRoot: scratch.root, target: variant.testTarget,
                                                    eventsFile: eventsFile, skipping: skipping)
                ?? SwiftTestCommand.test(target: variant.testTarget, eventsFile: eventsFile, skipping: skipping)
            return ProcessRequest(arguments, in: scratch.root, timeout: timeout, environment: environment)
        }
        if mutant != nil {
            return try await runUntilFirstFailure(try request([]), eventsFile: eventsFile)
        }
        let launch: ([String]) async throws -> CrashIsolation.Run = { skipping in
            let outcome = try await runner.run(try request(skipping))
            return CrashIsolation.Run(report: readReport(eventsFile), outcome: outcome)
        }
        let result = try await CrashIsolation.run(launch)
        return .ran(result.report, timedOut: result.outcome.timedOut, output: result.outcome.output)
    }

    private func report(_ katas: [Kata], _ verdicts: [VariantVerdict], _ scores: [MutationScore]) {
        let width = katas.map(\.id.count).max() ?? 0
        log("")
        for kata in katas {
            log(VerifyTable.line(kataID: kata.id, width: width, verdicts: verdicts.filter { $0.variant.kataID == kata.id }))
        }
        if !scores.isEmpty {
            log("")
            for line in MutationTable.render(MutationTable.rows(katas, verdicts, scores)) { log(line) }
        }
        let notes = scores.filter(\.passesGate).flatMap(\.survivorLines)
        if !notes.isEmpty {
            log("")
            for note in notes { log("note: \(note)") }
        }
        let problems = verdicts.compactMap(\.problem) + scores.flatMap(\.problems)
        if !problems.isEmpty {
            log("")
            for problem in problems { log("error: \(problem)") }
        }
        log("")
    }
}
