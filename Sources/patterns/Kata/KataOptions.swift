import ArgumentParser
import Foundation
import PatternsContent
import PatternsKatas

/// Options of `patterns kata verify`.
struct KataOptions: ParsableArguments {
    @Option(help: "The katas package, relative to the current directory.")
    var katas = "katas"
}

/// What `verify` works with, built from the options: the real disk, `swift`, the loader.
struct KataEnvironment {
    let fileSystem: LocalFileSystem
    let paths: KataPaths
    let runner = GroupProcessRunner()
    let console = TerminalConsole()

    init(_ options: KataOptions) {
        fileSystem = LocalFileSystem(root: FileManager.default.currentDirectoryPath)
        paths = KataPaths(katasRoot: options.katas)
    }

    var katasDirectory: String { fileSystem.resolve(paths.katasRoot) }

    /// The katas in their suggested order, with whatever the loader had to say about them.
    func loadKatas() -> ([Kata], Diagnostics) {
        let loader = ContentLoader(fileSystem: fileSystem, history: NoRevisionHistory())
        let (katas, diagnostics) = loader.loadKatas(katasRoot: paths.katasRoot)
        return (katas.sorted { ($0.order, $0.id) < ($1.order, $1.id) }, diagnostics)
    }
}
