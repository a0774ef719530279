import Foundation
import KataLearner

// `swift run kata …` from the katas folder: the learner's loop, needing nothing but the toolchain.
InterruptHandler.install()
let fileSystem = DiskFileSystem()
do {
    let root = try KataRoot.locate(from: FileManager.default.currentDirectoryPath, fileSystem)
    let tool = KataTool(
        layout: KataLayout(katasRoot: root), fileSystem: fileSystem, runner: GroupProcessRunner(),
        console: TerminalConsole(), times: DiskModificationTimes()
    )
    exit(try await tool.run(try KataCommandLine.parse(Array(CommandLine.arguments.dropFirst()))))
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
