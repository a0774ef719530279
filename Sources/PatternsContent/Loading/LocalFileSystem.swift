import Foundation

/// The real disk. Relative paths resolve against `root` (the project root), so the rest of the
/// pipeline can speak in project-relative paths such as `content/patterns/retry.md`.
public struct LocalFileSystem: FileSystem {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    public func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : (root as NSString).appendingPathComponent(path)
    }

    private var manager: FileManager { FileManager.default }

    public func readText(at path: String) throws -> String {
        try SourceText.decode(try readBytes(at: path))
    }

    /// Reads only what a project may publish: a regular file, no larger than the limit, and
    /// for a project-relative path one whose real location (symlinks followed) is inside `root`.
    public func readBytes(at path: String) throws -> [UInt8] {
        let real = try ReadablePath.realPath(of: resolve(path))
        if !path.hasPrefix("/") {
            let realRoot = (try? ReadablePath.realPath(of: root)) ?? root
            guard real == realRoot || real.hasPrefix(realRoot + "/") else { throw ReadError.outsideRoot(real) }
        }
        try ReadablePath.checkRegularFile(real)
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: real)))
    }

    public func listDirectory(at path: String) throws -> [String] {
        guard directoryExists(at: path) else { return [] }
        return try manager.contentsOfDirectory(atPath: resolve(path)).sorted()
    }

    public func fileExists(at path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return manager.fileExists(atPath: resolve(path), isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    public func directoryExists(at path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return manager.fileExists(atPath: resolve(path), isDirectory: &isDirectory) && isDirectory.boolValue
    }

    public func createDirectory(at path: String) throws {
        try manager.createDirectory(atPath: resolve(path), withIntermediateDirectories: true)
    }

    public func write(_ contents: String, to path: String) throws {
        try write(Array(contents.utf8), to: path)
    }

    /// Atomic, so a reader (or a crash) never sees half a page; parents are created as needed.
    public func write(_ data: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: resolve(path))
        try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(data).write(to: url, options: .atomic)
    }

    public func moveItem(from source: String, to destination: String) throws {
        try manager.moveItem(atPath: resolve(source), toPath: resolve(destination))
    }

    public func removeItem(at path: String) throws {
        try manager.removeItem(atPath: resolve(path))
    }

    public func exchangeItems(_ first: String, _ second: String) throws {
        try AtomicExchange.exchange(resolve(first), resolve(second))
    }

    public func withExclusiveLock<T>(at path: String, waiting: () -> Void, _ body: () throws -> T) throws -> T {
        let lock = try FileLock(path: resolve(path), waiting: waiting)
        defer { lock.release() }
        return try body()
    }
}
