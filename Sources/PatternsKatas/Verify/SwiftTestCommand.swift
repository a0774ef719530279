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
}
