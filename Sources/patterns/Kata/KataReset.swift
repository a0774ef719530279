import ArgumentParser
import PatternsKatas

/// `patterns kata reset ID`: puts the stub back, from git, after asking.
struct KataReset: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reset", abstract: "Restore a kata's stub (discards your code).")

    @OptionGroup var options: KataOptions
    @Argument(help: "The kata's id, e.g. circuit-breaker.") var id: String
    @Flag(help: "Do not ask for confirmation.") var yes = false

    func run() async throws {
        let environment = KataEnvironment(options)
        let kata = try environment.kata(id)
        let console = environment.console
        let sources = environment.paths.sources(kata)
        let restorer = StubRestorer(runner: environment.runner, sourcesDirectory: environment.fileSystem.resolve(sources))
        let stub: [String: String]
        do {
            stub = try await restorer.pristineStub()
        } catch let failure as StubRestorer.Failure {
            throw KataCommandError("cannot reset \(kata.id): \(failure)")
        }
        let current = try environment.paths.swiftFiles(in: sources, environment.fileSystem)
        let changed = stub.keys.sorted().filter { current[$0] != stub[$0] }
        let clearSolved = { try environment.progress.update { $0[kata.id].solvedSourcesHash = nil } }
        guard !changed.isEmpty else {
            try clearSolved()
            console.say("\(sources)/ already holds the stub; nothing to restore.")
            return
        }
        let list = changed.map { "\(sources)/\($0)" }.joined(separator: ", ")
        guard yes || console.confirm("This discards your changes to \(list). Continue?") else {
            console.say("Nothing changed. (To reset without a question, e.g. from a script: --yes.)")
            return
        }
        for name in changed { try environment.fileSystem.write(stub[name]!, to: "\(sources)/\(name)") }
        try clearSolved()
        for name in current.keys.sorted() where stub[name] == nil {
            console.say("note: \(sources)/\(name) is not part of the stub; left as it is.")
        }
        console.say("Restored the stub: \(list)")
    }
}
