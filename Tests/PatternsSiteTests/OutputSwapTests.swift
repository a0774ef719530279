import Foundation
import PatternsContent
@testable import PatternsSite
import Testing

@Suite("Swapping the site in")
struct OutputSwapTests {
    let files = [OutputFile(path: "index.html", text: "new")]

    @Test("leftovers of killed builds are removed, folders a person named are not")
    func leftoversAreCleared() throws {
        let fileSystem = InMemoryFileSystem(files: [
            "site/.patterns-site": "", "site/index.html": "old",
            "site.tmp-3fa9/index.html": "half", "site.old-00ff/index.html": "older",
            "site.tmp-notes/keep.txt": "mine", "sites/keep.txt": "mine",
        ])
        try OutputWriter(fileSystem: fileSystem, suffix: { "abc1" }).write(files, to: "site")
        #expect(fileSystem.allFiles == ["site.tmp-notes/keep.txt", "site/.patterns-site", "site/index.html", "sites/keep.txt"])
        #expect(try fileSystem.readText(at: "site/index.html") == "new")
    }

    @Test("the exchange swaps two folders on disk, contents and all")
    func exchangeOnDisk() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let disk = LocalFileSystem(root: root)
        try disk.write("a", to: "one/file")
        try disk.write("b", to: "two/file")
        try disk.exchangeItems("one", "two")
        #expect(try disk.readText(at: "one/file") == "b")
        #expect(try disk.readText(at: "two/file") == "a")
    }

    @Test("a second writer waits for the lock and is told so")
    func secondWriterWaits() async throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let writer = OutputWriter(fileSystem: LocalFileSystem(root: root))
        let holding = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let first = Thread {
            try? writer.locked("site") { holding.signal(); release.wait() }
        }
        first.start()
        holding.wait()
        let waited = Locked(false)
        let second = Thread {
            try? writer.locked("site", waiting: { _ in waited.set(true); release.signal() }) {}
        }
        second.start()
        for _ in 0..<10_000 where !second.isFinished { usleep(1000) }
        #expect(second.isFinished)
        #expect(waited.get())
    }
}

/// A value shared between the test and its threads.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func get() -> Value { lock.withLock { value } }
    func set(_ newValue: Value) { lock.withLock { value = newValue } }
}
