import ArgumentParser

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into site/.")
    func run() async throws { throw CleanExit.message("not built yet") }
}
