/// The `swift` command lines the kata tools run, in one place.
public enum SwiftTestCommand {
    public static func build() -> [String] {
        ["swift", "build", "--build-tests"]
    }

    /// What every test run adds: the JSON event stream to `eventsFile`, one test at a time (so a
    /// crash is pinned on the test that was running), and `--skip` for each test to leave out.
    public static func testOptions(eventsFile: String, skipping: [String]) -> [String] {
        ["--no-parallel"] + skipping.flatMap { ["--skip", $0] } + [
            "--event-stream-output-path", eventsFile,
            "--event-stream-version", "0",
        ]
    }

    /// The test binary SwiftPM builds on Linux for the package `packageName` at `packageRoot`.
    public static func testBinary(packageRoot: String, packageName: String) -> String {
        packageRoot + "/.build/debug/" + packageName + "PackageTests.xctest"
    }

    /// That binary started directly, with `testOptions` and an optional anchored filter. It skips
    /// the package loading `swift test` does on each start (about 2 s against 0.1 s), and it is our
    /// own child, so a time limit or Ctrl-C stops it (`swift test` starts it in a process group of
    /// its own).
    public static func direct(binary: String, filter: String? = nil, eventsFile: String, skipping: [String]) -> [String] {
        [binary, "--testing-library", "swift-testing"] + (filter.map { ["--filter", $0] } ?? [])
            + testOptions(eventsFile: eventsFile, skipping: skipping)
    }

    /// Runs one test target's already-built tests. The filter is anchored and ends at the dot,
    /// so `FooTests` never also runs `XFooTests`.
    public static func test(target: String, eventsFile: String, skipping: [String] = []) -> [String] {
        ["swift", "test", "--skip-build", "--filter", "^\(target)\\."]
            + testOptions(eventsFile: eventsFile, skipping: skipping)
    }

    /// The environment for test runs: without the backtracer, a crash prints the one line a
    /// learner needs (`File.swift:12: Fatal error: …`) and no register dump, and prints it reliably.
    public static let environment = ["SWIFT_BACKTRACE": "enable=no"]
}
