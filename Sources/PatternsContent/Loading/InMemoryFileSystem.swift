import Foundation

/// A file system in memory for hermetic tests. Thread-safe: the pipeline may read concurrently.
public final class InMemoryFileSystem: FileSystem, @unchecked Sendable {
    public struct Missing: Error, CustomStringConvertible {
        public var path: String
        public var description: String { "no such file or directory: \(path)" }
    }

    private let lock = NSLock()
    // Guarded by `lock`.
    private var files: [String: [UInt8]] = [:]
    private var directories: Set<String> = [""]
    private var pathLocks: [String: NSLock] = [:]

    /// `files` maps project-relative paths to their text; parent directories exist implicitly.
    public init(files: [String: String] = [:]) {
        for (path, text) in files { try? write(text, to: path) }
    }

    /// A sorted snapshot of every file path, for assertions on what was written.
    public var allFiles: [String] { lock.withLock { files.keys.sorted() } }

    static func normalize(_ path: String) -> String {
        path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
    }

    private static func parents(of path: String) -> [String] {
        let parts = path.split(separator: "/")
        return (0..<parts.count).map { parts[0..<$0].joined(separator: "/") }
    }

    public func readText(at path: String) throws -> String {
        try SourceText.decode(try readBytes(at: path))
    }

    public func readBytes(at path: String) throws -> [UInt8] {
        let key = Self.normalize(path)
        guard let bytes = lock.withLock({ files[key] }) else { throw Missing(path: path) }
        return bytes
    }

    public func listDirectory(at path: String) throws -> [String] {
        let directory = Self.normalize(path)
        let prefix = directory.isEmpty ? "" : directory + "/"
        return lock.withLock {
            let entries = (Array(files.keys) + Array(directories)).compactMap { entry -> String? in
                guard entry.hasPrefix(prefix), entry.count > prefix.count else { return nil }
                let rest = entry.dropFirst(prefix.count)
                return rest.contains("/") ? nil : String(rest)
            }
            return Set(entries).sorted()
        }
    }

    public func fileExists(at path: String) -> Bool {
        let key = Self.normalize(path)
        return lock.withLock { files[key] != nil }
    }

    public func directoryExists(at path: String) -> Bool {
        let key = Self.normalize(path)
        return lock.withLock { directories.contains(key) }
    }

    public func createDirectory(at path: String) throws {
        let key = Self.normalize(path)
        lock.withLock {
            directories.formUnion(Self.parents(of: key))
            directories.insert(key)
        }
    }

    public func write(_ contents: String, to path: String) throws {
        try write(Array(contents.utf8), to: path)
    }

    public func write(_ data: [UInt8], to path: String) throws {
        let key = Self.normalize(path)
        lock.withLock {
            directories.formUnion(Self.parents(of: key))
            files[key] = data
        }
    }

    public func moveItem(from source: String, to destination: String) throws {
        let from = Self.normalize(source), to = Self.normalize(destination)
        try lock.withLock {
            let prefix = from + "/"
            let moved = files.keys.filter { $0 == from || $0.hasPrefix(prefix) }
            let movedDirectories = directories.filter { $0 == from || $0.hasPrefix(prefix) }
            guard !moved.isEmpty || !movedDirectories.isEmpty else { throw Missing(path: source) }
            for path in moved { files[to + path.dropFirst(from.count)] = files.removeValue(forKey: path) }
            for path in movedDirectories {
                directories.remove(path)
                directories.insert(to + path.dropFirst(from.count))
            }
            directories.formUnion(Self.parents(of: to))
        }
    }

    public func exchangeItems(_ first: String, _ second: String) throws {
        let a = Self.normalize(first), b = Self.normalize(second)
        try lock.withLock {
            func renamed(_ path: String) -> String? {
                for (from, to) in [(a, b), (b, a)] where path == from || path.hasPrefix(from + "/") {
                    return to + path.dropFirst(from.count)
                }
                return nil
            }
            guard directories.contains(a) || files[a] != nil else { throw Missing(path: first) }
            guard directories.contains(b) || files[b] != nil else { throw Missing(path: second) }
            files = Dictionary(uniqueKeysWithValues: files.map { (renamed($0) ?? $0, $1) })
            directories = Set(directories.map { renamed($0) ?? $0 })
        }
    }

    public func withExclusiveLock<T>(at path: String, waiting: () -> Void, _ body: () throws -> T) throws -> T {
        let lock = lock.withLock { () -> NSLock in
            if let existing = pathLocks[path] { return existing }
            let created = NSLock()
            pathLocks[path] = created
            return created
        }
        if !lock.try() {
            waiting()
            lock.lock()
        }
        defer { lock.unlock() }
        return try body()
    }

    public func removeItem(at path: String) throws {
        let key = Self.normalize(path)
        try lock.withLock {
            let prefix = key + "/"
            let removedFiles = files.keys.filter { $0 == key || $0.hasPrefix(prefix) }
            let removedDirectories = directories.filter { $0 == key || $0.hasPrefix(prefix) }
            guard !removedFiles.isEmpty || !removedDirectories.isEmpty else { throw Missing(path: path) }
            for file in removedFiles { files.removeValue(forKey: file) }
            directories.subtract(removedDirectories)
        }
    }
}
