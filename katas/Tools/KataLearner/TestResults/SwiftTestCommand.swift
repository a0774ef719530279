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
