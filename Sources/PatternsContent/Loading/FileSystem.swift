/// The file system as the pipeline sees it, injected so tests run hermetically in memory.
///
/// Paths are plain strings; relative ones resolve against the implementation's root.
public protocol FileSystem: Sendable {
    func readText(at path: String) throws -> String
    /// Names (not paths) of the entries directly inside `path`, sorted; empty if it is missing.
    func listDirectory(at path: String) throws -> [String]
    func fileExists(at path: String) -> Bool
    func directoryExists(at path: String) -> Bool
    func createDirectory(at path: String) throws
    func write(_ contents: String, to path: String) throws
    func write(_ data: [UInt8], to path: String) throws
    func readBytes(at path: String) throws -> [UInt8]
    func moveItem(from source: String, to destination: String) throws
    func removeItem(at path: String) throws
    /// Swaps two existing entries in one step: no instant where either name is missing.
    func exchangeItems(_ first: String, _ second: String) throws
    /// Runs `body` holding an exclusive lock on the existing file or folder at `path`,
    /// calling `waiting` first if another holder has it. A killed holder's lock is released.
    func withExclusiveLock<T>(at path: String, waiting: () -> Void, _ body: () throws -> T) throws -> T
}

/// The dates content was last changed, from version control (never file-system times).
public protocol RevisionHistory: Sendable {
    /// The date of the last commit that touched `path`, or nil if it is not committed.
    func lastChanged(_ path: String) -> ContentDate?
}

/// For tests and for trees outside version control.
public struct NoRevisionHistory: RevisionHistory {
    public init() {}
    public func lastChanged(_ path: String) -> ContentDate? { nil }
}
