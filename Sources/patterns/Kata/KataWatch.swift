import ArgumentParser
import PatternsKatas

/// `patterns kata watch ID`: re-checks on every save, until Ctrl-C.
struct KataWatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "watch", abstract: "Re-check a kata whenever you save.")

    @OptionGroup var options: KataOptions
    @Argument(help: "The kata's id, e.g. circuit-breaker.") var id: String

    func run() async throws {
        let environment = KataEnvironment(options)
        let kata = try environment.kata(id)
        let directory = environment.fileSystem.resolve(environment.paths.sources(kata))
        let fileSystem = environment.fileSystem
        let watcher = SourceWatcher(times: DiskModificationTimes()) {
            ((try? fileSystem.listDirectory(at: directory)) ?? []).map { directory + "/" + $0 }
        }
        // Never prompt from watch: the loop would stall on a question.
        let session = CheckSession(environment: environment, kata: kata, offerSolution: false)
        var snapshot = watcher.snapshot()
        while true {
            _ = try await session.run()
            environment.console.say("")
            environment.console.say("Watching \(environment.paths.sources(kata))/ — save to re-check, Ctrl-C to stop.")
            snapshot = try await watcher.nextChange(after: snapshot)
            environment.console.say("")
        }
    }
}
