import KataLearner
import PatternsContent

/// Where a kata's folders are, relative to the katas root.
public struct KataPaths: Sendable {
    public var katasRoot: String

    public init(katasRoot: String) {
        self.katasRoot = katasRoot
    }

    public func folder(_ kata: Kata) -> String { join(katasRoot, kata.id) }
    public func sources(_ kata: Kata) -> String { join(folder(kata), "Sources") }
    public func tests(_ kata: Kata) -> String { join(folder(kata), "Tests") }
    /// The reference solution: `KataLayout.referenceFolder`, out of the learner's way.
    public func solution(_ kata: Kata) -> String { join(folder(kata), KataLayout.referenceFolder) }
    public var progressFile: String { join(katasRoot, ".progress.json") }

    /// The `.swift` files directly in each of the kata's folders.
    public func files(of kata: Kata, in fileSystem: FileSystem) throws -> KataFiles {
        KataFiles(
            sources: try swiftFiles(in: sources(kata), fileSystem),
            tests: try swiftFiles(in: tests(kata), fileSystem),
            solution: try swiftFiles(in: solution(kata), fileSystem)
        )
    }

    public func swiftFiles(in directory: String, _ fileSystem: FileSystem) throws -> [String: String] {
        var files: [String: String] = [:]
        for name in try fileSystem.listDirectory(at: directory) where name.hasSuffix(".swift") {
            files[name] = try fileSystem.readText(at: join(directory, name))
        }
        return files
    }
}
