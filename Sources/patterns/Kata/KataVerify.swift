import ArgumentParser
import PatternsContent
import PatternsKatas

/// `patterns kata verify`: every reference passes, every stub and mutant fails; metadata is sound.
struct KataVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Prove every kata honest: references pass, stubs and mutants fail (for maintainers)."
    )

    @OptionGroup var options: KataOptions

    @Argument(help: "The katas to verify (default: every kata); metadata is cross-checked either way.")
    var ids: [String] = []

    @Option(help: "Seconds each variant's tests may run before they count as hung.")
    var timeout = 60

    @Option(help: "The scratch package (default: <katas>/.build-verify).")
    var scratchPath: String?

    @Option(help: "The content folder, for cross-checks between patterns and katas.")
    var content = "content"

    @Option(help: "The kata-mutants executable; with it, every reference's generated mutants are scored too.")
    var mutantGenerator: String?

    func run() async throws {
        let environment = KataEnvironment(options)
        let (all, diagnostics) = loadWithCrossChecks(environment)
        let unknown = Set(ids).subtracting(all.map(\.id))
        guard unknown.isEmpty else {
            throw ValidationError("no kata named \(unknown.sorted().joined(separator: ", ")) in \(options.katas)")
        }
        let katas = ids.isEmpty ? all : all.filter { ids.contains($0.id) }
        let scratch = ScratchPackage(
            root: environment.fileSystem.resolve(scratchPath ?? environment.paths.katasRoot + "/.build-verify"),
            katasPackage: environment.katasDirectory
        )
        var verifier = KataVerifier(
            fileSystem: environment.fileSystem, runner: environment.runner, paths: environment.paths,
            scratch: scratch, log: { environment.console.say($0) }
        )
        verifier.testTimeout = .seconds(timeout)
        if let mutantGenerator {
            verifier.mutantGenerator = ExternalMutantGenerator(
                executable: environment.fileSystem.resolve(mutantGenerator), runner: environment.runner,
                fileSystem: environment.fileSystem, outputDirectory: scratch.root + "/generated-mutants"
            )
        }
        let summary = try await verifier.verify(katas, diagnostics: diagnostics)
        if !summary.succeeded { throw ExitCode.failure }
    }

    /// With a content folder, load everything so "the pattern exists" and "every pattern's kata
    /// exists" are checked too; without one (a fixture), the katas alone.
    private func loadWithCrossChecks(_ environment: KataEnvironment) -> ([Kata], Diagnostics) {
        let (katas, kataDiagnostics) = environment.loadKatas()
        guard environment.fileSystem.directoryExists(at: content) else { return (katas, kataDiagnostics) }
        let loader = ContentLoader(fileSystem: environment.fileSystem, history: NoRevisionHistory())
        let full = loader.load(contentRoot: content, katasRoot: environment.paths.katasRoot)
        return (katas, full.diagnostics)
    }
}
