import Foundation

/// The files the learner's tool reads and writes, injected so its logic is tested in memory.
/// Paths are absolute or relative to the process's current directory.
public protocol LearnerFileSystem: Sendable {
    func readText(at path: String) throws -> String
    /// Names (not paths) of the entries directly inside `path`, sorted; empty if it is missing.
    func listDirectory(at path: String) -> [String]
    func fileExists(at path: String) -> Bool
    func directoryExists(at path: String) -> Bool
    func createDirectory(at path: String) throws
    func write(_ contents: String, to path: String) throws
    func removeItem(at path: String) throws
    /// Makes `path` a symbolic link to `target`, replacing a link that points elsewhere.
    func link(_ path: String, to target: String) throws
}

extension LearnerFileSystem {
    /// The `.swift` files directly in `directory`, name → contents.
    public func swiftFiles(in directory: String) throws -> [String: String] {
        var files: [String: String] = [:]
        for name in listDirectory(at: directory) where name.hasSuffix(".swift") {
            files[name] = try readText(at: join(directory, name))
        }
        return files
    }

    /// Writes only when the contents differ, so the build system sees an unchanged file as up to date.
    public func writeIfChanged(_ contents: String, to path: String) throws {
        if fileExists(at: path), (try? readText(at: path)) == contents { return }
        try write(contents, to: path)
    }
}

/// The real disk, through Foundation.
public struct DiskFileSystem: LearnerFileSystem {
    public init() {}

    private var manager: FileManager { .default }

    public func readText(at path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    public func listDirectory(at path: String) -> [String] {
        ((try? manager.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    public func fileExists(at path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return manager.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    public func directoryExists(at path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return manager.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    public func createDirectory(at path: String) throws {
        try manager.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    public func write(_ contents: String, to path: String) throws {
        try createDirectory(at: (path as NSString).deletingLastPathComponent)
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    public func removeItem(at path: String) throws {
        try manager.removeItem(atPath: path)
    }

    public func link(_ path: String, to target: String) throws {
        if (try? manager.destinationOfSymbolicLink(atPath: path)) == target { return }
        try? manager.removeItem(atPath: path)
        try createDirectory(at: (path as NSString).deletingLastPathComponent)
        try manager.createSymbolicLink(atPath: path, withDestinationPath: target)
    }
}

public func join(_ a: String, _ b: String) -> String {
    a.isEmpty || a == "." ? b : a.hasSuffix("/") ? a + b : a + "/" + b
}
