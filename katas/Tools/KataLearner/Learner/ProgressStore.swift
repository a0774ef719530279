import Foundation


/// The learner's progress, kept in `katas/.progress.json` (learner state: never committed).
public struct Progress: Codable, Hashable, Sendable {
    public struct Entry: Codable, Hashable, Sendable {
        /// How many hints have been shown, in order.
        public var hintsSeen: Int = 0
        /// The `SourceHash` of `Sources/` when all tests last passed; nil if not solved.
        public var solvedSourcesHash: String?

        public init(hintsSeen: Int = 0, solvedSourcesHash: String? = nil) {
            self.hintsSeen = hintsSeen
            self.solvedSourcesHash = solvedSourcesHash
        }
    }

    public var katas: [String: Entry] = [:]

    public init(katas: [String: Entry] = [:]) {
        self.katas = katas
    }

    public subscript(id: String) -> Entry {
        get { katas[id] ?? Entry() }
        set { katas[id] = newValue }
    }
}

/// Reads and writes `Progress`. A missing or unreadable file is a fresh start, not an error:
/// progress is a convenience and must never stop a learner from working.
public struct ProgressStore: Sendable {
    public var fileSystem: LearnerFileSystem
    public var path: String

    public init(fileSystem: LearnerFileSystem, path: String) {
        self.fileSystem = fileSystem
        self.path = path
    }

    public func load() -> Progress {
        guard let text = try? fileSystem.readText(at: path),
              let progress = try? JSONDecoder().decode(Progress.self, from: Data(text.utf8))
        else { return Progress() }
        return progress
    }

    public func save(_ progress: Progress) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try fileSystem.write(String(decoding: try encoder.encode(progress), as: UTF8.self) + "\n", to: path)
    }

    public func update(_ change: (inout Progress) -> Void) throws {
        var progress = load()
        change(&progress)
        try save(progress)
    }
}

/// A fingerprint of a kata's `Sources/`, to tell "solved" from "changed since solved".
/// FNV-1a: not cryptographic, and need not be — it only has to notice edits.
public enum SourceHash {
    public static func of(_ files: [String: String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for name in files.keys.sorted() {
            for byte in Array(name.utf8) + [0] + Array(files[name]!.utf8) + [0] {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
        }
        return String(hash, radix: 16)
    }
}

/// A kata's state as `list` shows it.
public enum KataState: String, Sendable {
    case solved = "solved"
    case notSolved = "not solved"
    case changedSinceSolved = "changed since solved"

    public static func of(_ entry: Progress.Entry, currentSources: [String: String]) -> KataState {
        guard let solved = entry.solvedSourcesHash else { return .notSolved }
        return solved == SourceHash.of(currentSources) ? .solved : .changedSinceSolved
    }
}
