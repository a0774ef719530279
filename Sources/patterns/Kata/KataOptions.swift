import ArgumentParser
import Foundation
import PatternsContent
import PatternsKatas

/// Options every `patterns kata` subcommand shares.
struct KataOptions: ParsableArguments {
    @Option(help: "The katas package, relative to the current directory.")
    var katas = "katas"
}

/// What a kata command works with, built from the options: the real disk, `swift`, the loader.
struct KataEnvironment {
    let projectRoot: String
    let fileSystem: LocalFileSystem
    let paths: KataPaths
    let runner = FoundationProcessRunner()
    let console = TerminalConsole()

    init(_ options: KataOptions) {
        projectRoot = FileManager.default.currentDirectoryPath
        fileSystem = LocalFileSystem(root: projectRoot)
        paths = KataPaths(katasRoot: options.katas)
    }

    var katasDirectory: String { fileSystem.resolve(paths.katasRoot) }

    /// The katas in their suggested order, with whatever the loader had to say about them.
    func loadKatas() -> ([Kata], Diagnostics) {
        let loader = ContentLoader(fileSystem: fileSystem, history: NoRevisionHistory())
        let (katas, diagnostics) = loader.loadKatas(katasRoot: paths.katasRoot)
        return (katas.sorted { ($0.order, $0.id) < ($1.order, $1.id) }, diagnostics)
    }

    /// The kata a learner named, or an error listing the ones that exist.
    func kata(_ id: String) throws -> Kata {
        let (katas, diagnostics) = loadKatas()
        switch KataLookup.find(id, in: katas) {
        case .success(let kata): return kata
        case .failure(let error):
            // A kata.yml that does not decode makes its kata unknown; say why.
            let problems = diagnostics.errors.map { "\n  \($0)" }.joined()
            throw KataCommandError(error.description + (problems.isEmpty ? "" : "\nProblems in the katas:" + problems))
        }
    }

    var progress: ProgressStore { ProgressStore(fileSystem: fileSystem, path: paths.progressFile) }
}

/// A failure the user can act on, printed as `Error: …` without the usage text.
struct KataCommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
