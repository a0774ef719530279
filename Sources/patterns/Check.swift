import ArgumentParser

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate content without writing.")
    func run() async throws { throw CleanExit.message("not built yet") }
}
