/// The command lines only `verify` runs, beside the shared ones in KataLearner.
extension SwiftTestCommand {
    /// The harness alone, which every variant imports: what a variant is type-checked against.
    public static func buildHarness() -> [String] {
        ["swift", "build", "--target", "KataHarness"]
    }

    /// Compiles one variant's sources to SIL against the scratch package's built modules (the
    /// harness), discarding it: unlike `-typecheck` this also runs the SIL diagnostics (definite
    /// initialisation, say), so a mutant they reject is caught here, not by a package rebuild.
    public static func diagnose(module: String, files: [String], modules: String) -> [String] {
        ["swiftc", "-emit-sil", "-wmo", "-o", "/dev/null", "-swift-version", "6", "-parse-as-library",
         "-module-name", module, "-I", modules] + schemataFlags + files
    }

    /// A schemata's expressions hold every mutant's version of themselves, and an ill-typed one
    /// (`instant + instant`) can keep the type checker busy for half a minute before it gives up.
    /// A scope limit (deterministic, unlike a time limit) makes it give up in a second; verify
    /// then blames the mutants in that expression. Only for this check: a reference expression
    /// can need more than the limit on its own (sharding's jump hash), so the package build, which
    /// meets only what this check let through or could not blame, keeps the compiler's default.
    public static let schemataFlags = ["-Xfrontend", "-solver-scope-threshold=20000"]

    /// The scratch package's test binary run directly for one target, for the many short runs of
    /// verify (one per variant and per mutant). Only on Linux, where the `.xctest` product is an
    /// executable; elsewhere, nil.
    public static func direct(packageRoot: String, target: String, eventsFile: String, skipping: [String]) -> [String]? {
        #if os(Linux)
        direct(binary: testBinary(packageRoot: packageRoot, packageName: ScratchPackage.name), filter: "^\(target)\\.",
               eventsFile: eventsFile, skipping: skipping)
        #else
        nil
        #endif
    }
}
