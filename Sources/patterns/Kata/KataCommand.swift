import ArgumentParser

/// `patterns kata …`: the learner's loop and the maintainer's proof that the katas are honest.
struct KataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kata",
        abstract: "Practise the katas (and verify them).",
        subcommands: [
            KataList.self, KataShow.self, KataCheck.self, KataHint.self, KataReset.self, KataWatch.self,
            KataVerify.self,
        ]
    )
}
