import ArgumentParser

@main
struct Patterns: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patterns",
        abstract: "Build the pattern catalogue and practise its katas.",
        subcommands: [Build.self, Check.self, KataCommand.self]
    )
}
