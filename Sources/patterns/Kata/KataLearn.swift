import ArgumentParser
import PatternsKatas

/// `patterns kata [watch|check|list|show|hint|solution|reset] …`: the same code as `swift run kata`
/// in katas/, reached from the site generator.
struct KataLearn: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn",
        abstract: "The learner's loop; `patterns kata help` lists its commands (the same as `swift run kata` in katas/)."
    )

    @Argument(parsing: .captureForPassthrough, help: "A command and its arguments, e.g. `check timeout`.")
    var arguments: [String] = []

    func run() async throws {
        let status = await KataMain.run(arguments)
        if status != 0 { throw ExitCode(status) }
    }
}
