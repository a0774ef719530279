/// One check, shared by `check` and `watch`: run, report, and on a solve record it and show
/// what comes after.
public struct CheckSession: Sendable {
    public var tool: KataTool
    public var catalog: KataCatalog

    public init(tool: KataTool, catalog: KataCatalog) {
        self.tool = tool
        self.catalog = catalog
    }

    /// Returns whether every behaviour passes.
    public func run(_ kata: KataInfo) async throws -> Bool {
        let console = tool.console
        console.say("Building and testing \(kata.id)…")
        var checker = KataChecker(runner: tool.runner, fileSystem: tool.fileSystem, layout: tool.layout)
        checker.timeLimit = tool.timeLimit
        let outcome = try await checker.check(kata)
        for line in CheckReport.lines(outcome, kata: kata) { console.say(line) }
        guard case .tested(let report, _) = outcome, report.allPassed else { return false }

        let sources = tool.sources(of: kata)
        try tool.progress.update { $0[kata.id].solvedSourcesHash = SourceHash.of(sources) }
        let solved = catalog.katas.filter(tool.isSolved).count
        console.say("")
        console.say("✓ Solved \(kata.id)!  " + ProgressBar.render(solved: solved, total: catalog.katas.count))
        let reference = (try? tool.fileSystem.swiftFiles(in: tool.layout.reference(kata.id))) ?? [:]
        let instructions = (try? tool.fileSystem.readText(at: tool.layout.instructions(kata.id))) ?? ""
        let lines = SolveReport.lines(
            kata: kata, mine: sources, reference: reference, instructions: instructions,
            patternLink: SolveReport.patternLink(kata.pattern, layout: tool.layout, tool.fileSystem),
            next: catalog.nextUnsolved(tool.isSolved, after: kata)
        )
        for line in lines { console.say(line) }
        return true
    }
}
