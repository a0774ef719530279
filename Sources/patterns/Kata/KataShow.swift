import ArgumentParser
import PatternsKatas

/// `patterns kata show ID`: the instructions, where to edit, how to run.
struct KataShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print a kata's instructions.")

    @OptionGroup var options: KataOptions
    @Argument(help: "The kata's id, e.g. circuit-breaker.") var id: String

    func run() async throws {
        let environment = KataEnvironment(options)
        let kata = try environment.kata(id)
        let console = environment.console
        console.say(kata.instructions)
        let sources = environment.paths.sources(kata)
        let files = (try? environment.fileSystem.listDirectory(at: sources))?.filter { $0.hasSuffix(".swift") } ?? []
        console.say("---")
        console.say("Edit:  " + files.map { "\(sources)/\($0)" }.joined(separator: ", "))
        console.say("Check: swift run patterns kata check \(kata.id)    (or: cd \(options.katas) && swift test --filter \(kata.module)Tests)")
        console.say("Stuck: swift run patterns kata hint \(kata.id)")
    }
}
