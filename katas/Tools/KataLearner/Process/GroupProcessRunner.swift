import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs each command in a process group of its own, so a timeout, a cancelled check or Ctrl-C
/// stops the whole group: `swift build`'s compiler jobs, or a test binary spinning in a loop.
/// (Foundation's `Process` gives no control of the group, and `swift test` starts its test
/// binary in yet another group, which is why the learner's tool runs test binaries itself.)
public struct GroupProcessRunner: ProcessRunner {
    /// Where running groups are registered for Ctrl-C; tests pass their own.
    public var groups: RunningGroups

    public init(groups: RunningGroups = .shared) {
        self.groups = groups
    }

    public func run(_ request: ProcessRequest) async throws -> ProcessOutcome {
        let child = try SpawnedGroup(request)
        groups.insert(child.pid)
        defer { groups.remove(child.pid) }
        let clock = ContinuousClock()
        let deadline = request.timeout.map { clock.now + $0 }
        var timedOut = false
        var status: Int32?
        while status == nil {
            if Task.isCancelled {
                _ = await child.stop()
                throw CancellationError()
            }
            if let deadline, clock.now >= deadline {
                timedOut = true
                status = await child.stop()
                break
            }
            status = child.poll()
            if status == nil { try? await Task.sleep(for: .milliseconds(20)) }
        }
        let output = child.finishReading()
        let code = status ?? 0
        let signalled = (code & 0x7f) != 0 && (code & 0x7f) != 0x7f
        return ProcessOutcome(
            exitCode: signalled ? 128 + (code & 0x7f) : (code >> 8) & 0xff,
            output: output, timedOut: timedOut, signal: signalled && !timedOut ? code & 0x7f : nil
        )
    }
}

/// The process groups started and not yet reaped, so Ctrl-C can end them all (see `InterruptHandler`).
public final class RunningGroups: @unchecked Sendable {
    public static let shared = RunningGroups()
    private let lock = NSLock()
    private var groups: Set<pid_t> = []

    public init() {}

    func insert(_ pid: pid_t) { lock.withLock { _ = groups.insert(pid) } }
    func remove(_ pid: pid_t) { lock.withLock { _ = groups.remove(pid) } }

    /// SIGKILL to every group: used on Ctrl-C, when there is no time for a graceful stop.
    public func killAll() {
        for pid in lock.withLock({ groups }) { kill(-pid, SIGKILL) }
    }
}

/// One child, spawned as the leader of a new process group, its output read on a thread.
private final class SpawnedGroup: @unchecked Sendable {
    let pid: pid_t
    private let reader: Thread
    private let done = DispatchSemaphore(value: 0)
    private let output = OutputBuffer()

    init(_ request: ProcessRequest) throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw POSIXError(.EMFILE) }
        let (readEnd, writeEnd) = (fds[0], fds[1])

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 2)
        posix_spawn_file_actions_addclose(&actions, readEnd)
        posix_spawn_file_actions_addclose(&actions, writeEnd)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        // `sh` changes directory (posix_spawn cannot portably) and `env` adds variables and finds
        // the command on PATH; both `exec`, so the command itself leads the group.
        let environment = request.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let arguments = ["/bin/sh", "-c", "cd \"$0\" && exec /usr/bin/env \"$@\"", request.workingDirectory]
            + environment + request.arguments
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var spawned: pid_t = 0
        let result = posix_spawn(&spawned, "/bin/sh", &actions, &attributes, &argv, environ)
        close(writeEnd)
        guard result == 0 else {
            close(readEnd)
            throw POSIXError(POSIXErrorCode(rawValue: result) ?? .ENOENT)
        }
        pid = spawned
        let buffer = output
        let finished = done
        reader = Thread {
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = read(readEnd, &chunk, chunk.count)
                if count <= 0 { break }
                buffer.append(chunk[0..<count])
            }
            close(readEnd)
            finished.signal()
        }
        reader.start()
    }

    /// The wait status if the child has exited, else nil.
    func poll() -> Int32? {
        var status: Int32 = 0
        return waitpid(pid, &status, WNOHANG) == pid ? status : nil
    }

    /// SIGINT to the group first (`swift build` then stops its compiler jobs cleanly), SIGKILL
    /// to whatever is left after a grace period. Returns the wait status.
    func stop() async -> Int32 {
        kill(-pid, SIGINT)
        for _ in 0..<100 {
            if let status = poll() {
                kill(-pid, SIGKILL)
                return status
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return status
    }

    /// Everything the child printed. Waits briefly for the pipe to close: a grandchild that
    /// outlived the group's leader could keep it open, and a check must never hang on that.
    func finishReading() -> String {
        _ = done.wait(timeout: .now() + 2)
        return output.text
    }
}

/// Bytes appended by the reader thread, read once the child is done.
private final class OutputBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ bytes: ArraySlice<UInt8>) { lock.withLock { data.append(contentsOf: bytes) } }
    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
}
