import ArgumentParser
import PatternsKatas

/// `patterns kata hint ID`: the next hint, gentle first.
struct KataHint: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hint", abstract: "Show the next hint for a kata.")

    @OptionGroup var options: KataOptions
    @Argument(help: "The kata's id, e.g. circuit-breaker.") var id: String
    @Flag(help: "Show every hint seen so far instead of a new one.") var all = false

    func run() async throws {
        let environment = KataEnvironment(options)
        let kata = try environment.kata(id)
        let store = environment.progress
        let seen = store.load()[kata.id].hintsSeen
        if all {
            for line in HintBook.seenSoFar(kata, seen: seen) { environment.console.say(line) }
            return
        }
        let next = HintBook.next(kata, seen: seen)
        for line in next.lines { environment.console.say(line) }
        if next.seen != seen { try store.update { $0[kata.id].hintsSeen = next.seen } }
    }
}
