/// What the learner's commands work with; injected so they run in tests on fakes.
public struct KataTool: Sendable {
    public var layout: KataLayout
    public var fileSystem: LearnerFileSystem
    public var runner: ProcessRunner
    public var console: Console
    public var times: ModificationTimes
    public var timeLimit: Duration = .seconds(20)

    /// `layout.katasRoot` must be absolute (see `KataRoot.locate`).
    public init(layout: KataLayout, fileSystem: LearnerFileSystem, runner: ProcessRunner, console: Console,
                times: ModificationTimes) {
        self.layout = layout
        self.fileSystem = fileSystem
        self.runner = runner
        self.console = console
        self.times = times
    }

    public var catalog: KataCatalog { KataCatalog.load(layout, fileSystem) }
    public var progress: ProgressStore { ProgressStore(fileSystem: fileSystem, path: layout.progressFile) }

    public func sources(of kata: KataInfo) -> [String: String] {
        (try? fileSystem.swiftFiles(in: layout.sources(kata.id))) ?? [:]
    }

    public func state(of kata: KataInfo, in progress: Progress) -> KataState {
        KataState.of(progress[kata.id], currentSources: sources(of: kata))
    }

    public func isSolved(_ kata: KataInfo) -> Bool {
        state(of: kata, in: progress.load()) == .solved
    }

    /// The kata named, or without a name the next unsolved one in order.
    public func kata(_ id: String?, in catalog: KataCatalog) throws -> KataInfo {
        guard let id else {
            guard let next = catalog.nextUnsolved(isSolved) ?? catalog.katas.last else {
                throw KataToolError("no katas found in \(layout.katasRoot)")
            }
            return next
        }
        switch KataLookup.find(id, in: catalog.katas) {
        case .success(let kata): return kata
        case .failure(let error):
            let problems = catalog.problems.isEmpty ? "" : "\nProblems in the katas:\n  " + catalog.problems.joined(separator: "\n  ")
            throw KataToolError(error.description + problems)
        }
    }

    /// A path as the learner sees it from the katas folder.
    public func shown(_ path: String) -> String {
        let root = layout.katasRoot.hasSuffix("/") ? layout.katasRoot : layout.katasRoot + "/"
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }
}

/// A failure the learner can act on, printed as `error: …`.
public struct KataToolError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Finds the katas package from where the tool was started, or says where to run it.
public enum KataRoot {
    public static func locate(from directory: String, _ fileSystem: LearnerFileSystem) throws -> String {
        var candidate = directory
        // The katas folder itself, a kata's folder inside it, or the repository root above it.
        for _ in 0..<3 {
            if isKatasPackage(candidate, fileSystem) { return candidate }
            if isKatasPackage(join(candidate, "katas"), fileSystem) { return join(candidate, "katas") }
            candidate = parent(candidate)
        }
        throw KataToolError("""
            \(directory) is not in the katas package. Run the kata tool from the repository's katas/ folder:
                cd katas && swift run kata
            """)
    }

    static func isKatasPackage(_ path: String, _ fileSystem: LearnerFileSystem) -> Bool {
        fileSystem.fileExists(at: join(path, "Package.swift")) && fileSystem.directoryExists(at: join(path, "Harness"))
    }

    static func parent(_ path: String) -> String {
        let parts = path.split(separator: "/")
        return parts.count <= 1 ? "/" : "/" + parts.dropLast().joined(separator: "/")
    }
}
