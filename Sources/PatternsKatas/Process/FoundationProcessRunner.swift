import Foundation

/// Runs commands with Foundation's `Process`, looking the executable up on `PATH` via `env`.
public struct FoundationProcessRunner: ProcessRunner {
    public init() {}

    public func run(_ request: ProcessRequest) async throws -> ProcessOutcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = request.arguments
        process.currentDirectoryURL = URL(fileURLWithPath: request.workingDirectory)
        if !request.environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(request.environment) { _, set in set }
        }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice

        let collector = OutputCollector()
        // Drain while the child runs: a full pipe buffer would otherwise block it for ever.
        pipe.fileHandleForReading.readabilityHandler = { handle in
            collector.append(handle.availableData)
        }
        let exit = ExitSignal()
        process.terminationHandler = { _ in exit.fire() }
        try process.run()

        let timedOut = await exit.wait(timeout: request.timeout)
        if timedOut { await stop(process, exit: exit) }
        pipe.fileHandleForReading.readabilityHandler = nil
        collector.append(pipe.fileHandleForReading.readDataToEndOfFile())
        return ProcessOutcome(exitCode: process.terminationStatus, output: collector.text, timedOut: timedOut)
    }

    /// SIGINT first: `swift test` handles it by stopping the test process it started, which
    /// SIGTERM/SIGKILL would leave running. SIGKILL if it has not gone after a grace period.
    private func stop(_ process: Process, exit: ExitSignal) async {
        process.interrupt()
        if await exit.wait(timeout: .seconds(3)) {
            kill(process.processIdentifier, SIGKILL)
            _ = await exit.wait(timeout: nil)
        }
    }
}

/// Collects bytes from the pipe's reader thread.
private final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ chunk: Data) {
        lock.lock()
        data.append(chunk)
        lock.unlock()
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}

/// A one-shot "the process exited" flag that can be awaited with a deadline.
private final class ExitSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var fired = false

    func fire() {
        lock.lock()
        fired = true
        lock.unlock()
    }

    private var hasFired: Bool {
        lock.lock()
        defer { lock.unlock() }
        return fired
    }

    /// Returns true if the deadline passed first. Polls: simple, and 50 ms is nothing next to a build.
    func wait(timeout: Duration?) async -> Bool {
        let clock = ContinuousClock()
        let deadline = timeout.map { clock.now + $0 }
        while !hasFired {
            if let deadline, clock.now >= deadline { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return false
    }
}
