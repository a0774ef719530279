/// The `swift` command lines the kata tools run, in one place.
public enum SwiftTestCommand {
    public static func build() -> [String] {
        ["swift", "build", "--build-tests"]
    }

    /// Runs one test target's tests, writing Swift Testing's JSON event stream to `eventsFile`.
    /// The filter is anchored and ends at the dot, so `FooTests` never also runs `XFooTests`.
    public static func test(target: String, eventsFile: String, skipBuild: Bool) -> [String] {
        ["swift", "test"] + (skipBuild ? ["--skip-build"] : []) + [
            "--filter", "^\(target)\\.",
            "--event-stream-output-path", eventsFile,
            "--event-stream-version", "0",
        ]
    }

    /// Type-checks one variant's sources against the scratch package's built modules (the harness).
    public static func typecheck(module: String, files: [String], modules: String) -> [String] {
        ["swiftc", "-typecheck", "-swift-version", "6", "-parse-as-library", "-module-name", module, "-I", modules] + files
    }

    /// The built test binary run directly, for the many short runs of verify (one per variant and
    /// per generated mutant): it skips the package loading `swift test` does on each start
    /// (about 2 s against 0.1 s here).
    /// Only on Linux, where the `.xctest` product is an executable; elsewhere, nil.
    public static func direct(packageRoot: String, target: String, eventsFile: String) -> [String]? {
        #if os(Linux)
        let binary = packageRoot + "/.build/debug/" + ScratchPackage.name + "PackageTests.xctest"
        return [binary, "--testing-library", "swift-testing", "--filter", "^\(target)\\.",
                "--event-stream-output-path", eventsFile, "--event-stream-version", "0"]
        #else
        return nil
        #endif
    }
}
