/// What to run: a command line, where, and how long it may take.
public struct ProcessRequest: Hashable, Sendable {
    public var arguments: [String]
    public var workingDirectory: String
    /// nil waits for ever; a process still running after this is stopped and reported as timed out.
    public var timeout: Duration?
    /// Variables set on top of this process's environment, e.g. the mutant a test run switches on.
    public var environment: [String: String]

    public init(_ arguments: [String], in workingDirectory: String, timeout: Duration? = nil, environment: [String: String] = [:]) {
        self.arguments = arguments
        self.workingDirectory = workingDirectory
        self.timeout = timeout
        self.environment = environment
    }
}

/// How a process ended and what it printed (stdout and stderr interleaved, as a terminal shows).
public struct ProcessOutcome: Hashable, Sendable {
    public var exitCode: Int32
    public var output: String
    public var timedOut: Bool

    public init(exitCode: Int32, output: String, timedOut: Bool = false) {
        self.exitCode = exitCode
        self.output = output
        self.timedOut = timedOut
    }

    public var succeeded: Bool { exitCode == 0 && !timedOut }
}

/// Runs child processes; injected so the kata logic is tested without spawning `swift`.
public protocol ProcessRunner: Sendable {
    func run(_ request: ProcessRequest) async throws -> ProcessOutcome
}
