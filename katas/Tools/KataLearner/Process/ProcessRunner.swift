/// What to run: a command line, where, with which extra environment, and how long it may take.
public struct ProcessRequest: Hashable, Sendable {
    public var arguments: [String]
    public var workingDirectory: String
    /// nil waits for ever; a process still running after this is stopped and reported as timed out.
    public var timeout: Duration?
    /// Added to the inherited environment.
    public var environment: [String: String]

    public init(_ arguments: [String], in workingDirectory: String, timeout: Duration? = nil,
                environment: [String: String] = [:]) {
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
    /// The signal that ended it (4 is SIGILL, a Swift trap), or nil if it exited.
    public var signal: Int32?

    public init(exitCode: Int32, output: String, timedOut: Bool = false, signal: Int32? = nil) {
        self.exitCode = exitCode
        self.output = output
        self.timedOut = timedOut
        self.signal = signal
    }

    public var succeeded: Bool { exitCode == 0 && !timedOut && signal == nil }
}

/// Runs child processes; injected so the kata logic is tested without spawning `swift`.
///
/// A runner must stop the child — and everything it started — when the calling task is
/// cancelled, and then throw `CancellationError`.
public protocol ProcessRunner: Sendable {
    func run(_ request: ProcessRequest) async throws -> ProcessOutcome
}
