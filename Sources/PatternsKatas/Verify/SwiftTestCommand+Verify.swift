/// The command lines only `verify` runs, beside the shared ones in KataLearner.
extension SwiftTestCommand {
    /// Type-checks one variant's sources against the scratch package's built modules (the harness).
    public static func typecheck(module: String, files: [String], modules: String) -> [String] {
        ["swiftc", "-typecheck", "-swift-version", "6", "-parse-as-library", "-module-name", module, "-I", modules] + files
    }

    /// The built test binary run directly, for the many short runs of verify (one per variant and
    /// per generated mutant): it skips the package loading `swift test` does on each start
    /// (about 2 s against 0.1 s here).
    /// Only on Linux, where the `.xctest` product is an executable; elsewhere, nil.
    public static func direct(packageRoot: String, target: String, eventsFile: String, skipping: [String]) -> [String]? {
        #if os(Linux)
        let binary = packageRoot + "/.build/debug/" + ScratchPackage.name + "PackageTests.xctest"
        return [binary, "--testing-library", "swift-testing", "--filter", "^\(target)\\."]
            + testOptions(eventsFile: eventsFile, skipping: skipping)
        #else
        return nil
        #endif
    }
}
