/// Where everything of a kata is, relative to the katas package: the one place these paths are built.
public struct KataLayout: Sendable, Hashable {
    /// The reference solution's folder inside a kata's folder. Hidden (as Exercism keeps its
    /// under `.meta/`) so a learner does not meet the answer beside the stub; shown after a solve.
    public static let referenceFolder = ".meta/solution"

    /// The katas package (absolute, or relative to the current directory).
    public var katasRoot: String

    public init(katasRoot: String) {
        self.katasRoot = katasRoot
    }

    public func folder(_ id: String) -> String { join(katasRoot, id) }
    public func metadata(_ id: String) -> String { join(folder(id), "kata.yml") }
    public func instructions(_ id: String) -> String { join(folder(id), "instructions.md") }
    public func sources(_ id: String) -> String { join(folder(id), "Sources") }
    public func tests(_ id: String) -> String { join(folder(id), "Tests") }
    public func reference(_ id: String) -> String { join(folder(id), Self.referenceFolder) }
    public var harness: String { join(katasRoot, "Harness") }
    public var progressFile: String { join(katasRoot, ".progress.json") }
    /// One small package per kata, so a kata that does not compile never stops another.
    public func workspace(_ id: String) -> String { join(katasRoot, ".build/learner/\(id)") }
    /// The repository the katas package sits in.
    public var repositoryRoot: String {
        let parts = katasRoot.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        return parts.isEmpty ? "." : parts.count == 1 && parts[0].isEmpty ? "/" : parts.joined(separator: "/")
    }
    /// The site's configuration, for the address of a kata's pattern page.
    public var siteConfig: String { join(repositoryRoot, "content/site.toml") }
}
