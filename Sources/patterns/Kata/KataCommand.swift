import ArgumentParser

struct KataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kata", abstract: "Practise the katas.")
    func run() async throws { throw CleanExit.message("not built yet") }
}
