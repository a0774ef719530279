/// Notices edits in a folder by polling modification times: simple, portable, no OS APIs.
public struct SourceWatcher: Sendable {
    public var times: ModificationTimes
    public var list: @Sendable () -> [String]

    /// `list` returns the absolute paths to watch (re-read each poll, so new files count).
    public init(times: ModificationTimes, list: @escaping @Sendable () -> [String]) {
        self.times = times
        self.list = list
    }

    public typealias Snapshot = [String: Double]

    public func snapshot() -> Snapshot {
        var snapshot: Snapshot = [:]
        for path in list() { snapshot[path] = times.modificationTime(at: path) ?? -1 }
        return snapshot
    }

    /// Waits for a change, then for the files to settle (editors often write in several steps),
    /// and returns the new snapshot. Runs until the task is cancelled (Ctrl-C ends the process).
    public func nextChange(after previous: Snapshot, poll: Duration = .milliseconds(500)) async throws -> Snapshot {
        var current = previous
        while current == previous {
            try await Task.sleep(for: poll)
            current = snapshot()
        }
        while true {
            try await Task.sleep(for: poll)
            let settled = snapshot()
            if settled == current { return settled }
            current = settled
        }
    }
}
