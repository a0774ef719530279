import ArgumentParser

/// `patterns kata …`: the maintainer's proof that the katas are honest, and a front door to the
/// learner's loop, which lives in the katas package (`swift run kata` there needs only Swift).
struct KataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kata",
        abstract: "Practise the katas (and verify them).",
        subcommands: [KataVerify.self, KataLearn.self],
        defaultSubcommand: KataLearn.self
    )
}
