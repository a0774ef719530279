import ArgumentParser

@main
struct Patterns: ParsableCommand {
    func run() throws {}
}
