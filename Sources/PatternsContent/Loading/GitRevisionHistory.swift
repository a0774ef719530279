import Foundation

/// Last-changed dates from git: one `git log` over the whole repository, read once, so a build
/// does not start a process per page. Outside a repository (or without git) nothing has a date.
public struct GitRevisionHistory: RevisionHistory {
    /// Marks a commit's date line in the log output; file names never start with it.
    static let commitMarker = "commit-date "

    private let dates: [String: ContentDate]

    /// Runs `git log` in `repositoryRoot`; paths are relative to it (`--relative`).
    public init(repositoryRoot: String) {
        dates = Self.parseLog(Self.runGitLog(in: repositoryRoot) ?? "")
    }

    /// For tests: dates from an already captured log.
    public init(log: String) {
        dates = Self.parseLog(log)
    }

    public func lastChanged(_ path: String) -> ContentDate? {
        dates[InMemoryFileSystem.normalize(path)]
    }

    /// A commit whose message carries this trailer (`Content-Date: unchanged`) is a mechanical
    /// edit (a front-matter key removed everywhere, a rename) and does not count as an update.
    static let unchangedTrailer = "unchanged"

    /// Parses `git log --format='commit-date %as %(trailers:key=Content-Date,valueonly)' --name-only`
    /// output, newest commit first: the first date seen for a path is its last change.
    public static func parseLog(_ log: String) -> [String: ContentDate] {
        var dates: [String: ContentDate] = [:]
        var current: ContentDate?
        for rawLine in log.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.hasPrefix(commitMarker) {
                let fields = line.dropFirst(commitMarker.count).split(separator: " ")
                let mechanical = fields.dropFirst().contains { $0.lowercased() == unchangedTrailer }
                // `%as` is YYYY-MM-DD; keep only that much in case a longer format was used.
                current = mechanical ? nil : fields.first.flatMap { ContentDate(iso: String($0.prefix(10))) }
            } else if let current, !line.isEmpty, dates[String(line)] == nil {
                dates[String(line)] = current
            }
        }
        return dates
    }

    static func runGitLog(in directory: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // The author date (`%as`), not the committer date: a rebase or cherry-pick when branches
        // are merged rewrites every committer date to the merge day, so all pages would share it.
        process.arguments = [
            "git", "-C", directory, "-c", "core.quotePath=false", "log",
            "--format=\(commitMarker)%as %(trailers:key=Content-Date,valueonly,separator=%x20)", "--name-only", "--relative", "--no-renames",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        // Read before waiting: a long log would otherwise fill the pipe and block git.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
