import Foundation

/// The whole program, for both front doors: `swift run kata` in katas/ and `patterns kata`.
public enum KataMain {
    public static func run(_ arguments: [String]) async -> Int32 {
        InterruptHandler.install()
        let fileSystem = DiskFileSystem()
        do {
            let root = try KataRoot.locate(from: FileManager.default.currentDirectoryPath, fileSystem)
            let tool = KataTool(
                layout: KataLayout(katasRoot: root), fileSystem: fileSystem, runner: GroupProcessRunner(),
                console: TerminalConsole(), times: DiskModificationTimes()
            )
            return try await tool.run(try KataCommandLine.parse(arguments))
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            return 1
        }
    }
}
