import Foundation
import PatternsKatas

/// The learner's files in memory: paths are plain keys, directories are implied by them.
final class MemoryFileSystem: LearnerFileSystem, @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: String]
    private(set) var links: [String: String] = [:]

    init(_ files: [String: String] = [:]) {
        self.files = files
    }

    func readText(at path: String) throws -> String {
        guard let text = lock.withLock({ files[path] }) else { throw CocoaError(.fileNoSuchFile) }
        return text
    }

    func listDirectory(at path: String) -> [String] {
        let prefix = path.hasSuffix("/") ? path : path + "/"
        let names = lock.withLock { files.keys }.filter { $0.hasPrefix(prefix) }
            .compactMap { $0.dropFirst(prefix.count).split(separator: "/").first.map(String.init) }
        return Array(Set(names)).sorted()
    }

    func fileExists(at path: String) -> Bool { lock.withLock { files[path] != nil } }
    func directoryExists(at path: String) -> Bool { !listDirectory(at: path).isEmpty }
    func createDirectory(at path: String) throws {}
    func write(_ contents: String, to path: String) throws { lock.withLock { files[path] = contents } }
    func removeItem(at path: String) throws { lock.withLock { files[path] = nil } }
    func link(_ path: String, to target: String) throws { lock.withLock { links[path] = target } }
}

/// A console that records what was said and answers every question the same way.
final class RecordingConsole: Console, @unchecked Sendable {
    private let lock = NSLock()
    private var said: [String] = []
    private(set) var clears = 0
    let answer: Bool

    init(answer: Bool = false) { self.answer = answer }

    func say(_ line: String) { lock.withLock { said.append(line) } }
    func confirm(_ question: String) -> Bool { say("? " + question); return answer }
    func clear() { lock.withLock { clears += 1 } }
    var lines: [String] { lock.withLock { said } }
    var text: String { lines.joined(separator: "\n") }
}
