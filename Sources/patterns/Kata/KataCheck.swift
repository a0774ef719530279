import ArgumentParser
import PatternsContent
import PatternsKatas

/// `patterns kata check ID`: the kata's tests against the learner's code, behaviour by behaviour.
struct KataCheck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Run a kata's tests against your code.")

    @OptionGroup var options: KataOptions
    @Argument(help: "The kata's id, e.g. circuit-breaker.") var id: String
    @Flag(help: "When solved, print the reference solution without asking.") var showSolution = false

    func run() async throws {
        let environment = KataEnvironment(options)
        let kata = try environment.kata(id)
        let solved = try await CheckSession(environment: environment, kata: kata, showSolution: showSolution).run()
        if !solved { throw ExitCode.failure }
    }
}

/// One check, shared by `check` and `watch`: run, report, and record a solve.
struct CheckSession {
    let environment: KataEnvironment
    let kata: Kata
    var showSolution = false
    var offerSolution = true

    /// Returns whether every behaviour passes.
    func run() async throws -> Bool {
        let console = environment.console
        console.say("Building and testing \(kata.id)…")
        let checker = KataChecker(runner: environment.runner, fileSystem: environment.fileSystem, katasDirectory: environment.katasDirectory)
        let outcome = try await checker.check(kata)
        for line in CheckReport.lines(outcome, kata: kata, projectRoot: environment.projectRoot) { console.say(line) }
        guard case .tested(let report) = outcome, report.allPassed else { return false }

        let paths = environment.paths
        let sources = try paths.swiftFiles(in: paths.sources(kata), environment.fileSystem)
        try environment.progress.update { $0[kata.id].solvedSourcesHash = SourceHash.of(sources) }
        console.say("")
        console.say("✓ Solved: every behaviour of \(kata.id) passes. Recorded in \(paths.progressFile).")
        if offerSolution && (showSolution || console.confirm("Show the reference solution?")) {
            let solution = try paths.swiftFiles(in: paths.solution(kata), environment.fileSystem)
            for name in solution.keys.sorted() {
                console.say("")
                console.say("// \(paths.solution(kata))/\(name)")
                console.say(solution[name]!)
            }
        } else if offerSolution {
            console.say("The reference solution is in \(paths.solution(kata))/ when you want to compare.")
        }
        return true
    }
}
