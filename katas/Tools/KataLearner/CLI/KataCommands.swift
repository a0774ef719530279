/// The learner's commands. Each returns the process's exit status.
extension KataTool {
    public func run(_ line: KataCommandLine) async throws -> Int32 {
        var tool = self
        if let seconds = line.timeLimit { tool.timeLimit = .seconds(seconds) }
        let catalog = tool.catalog
        for problem in catalog.problems { console.say("warning: \(problem)") }
        switch line.command {
        case "help":
            console.say(KataCommandLine.usage)
            return 0
        case "list":
            tool.list(catalog)
            return 0
        case "watch":
            try await tool.watch(try tool.kata(line.id, in: catalog), catalog: catalog)
            return 0
        case "check":
            let solved = try await CheckSession(tool: tool, catalog: catalog).run(try tool.kata(line.id, in: catalog))
            return solved ? 0 : 1
        case "show":
            tool.show(try tool.kata(line.id, in: catalog))
            return 0
        case "hint":
            try tool.hint(try tool.kata(line.id, in: catalog), all: line.flags.contains("--all"))
            return 0
        case "solution":
            tool.solution(try tool.kata(line.id, in: catalog), confirmed: line.flags.contains("--yes"))
            return 0
        default:
            return try await tool.reset(try tool.kata(line.id, in: catalog), confirmed: line.flags.contains("--yes"))
        }
    }

    func list(_ catalog: KataCatalog) {
        let progress = self.progress.load()
        var rows = [["#", "id", "difficulty", "state", "hints", "title"]]
        var solved = 0
        for kata in catalog.katas {
            let state = state(of: kata, in: progress)
            if state == .solved { solved += 1 }
            rows.append(["\(kata.order)", kata.id, kata.difficulty, state.rawValue,
                         "\(progress[kata.id].hintsSeen)/\(kata.hints.count)", kata.title])
        }
        for row in TextTable.render(rows) { console.say(row) }
        console.say("")
        console.say(ProgressBar.render(solved: solved, total: catalog.katas.count))
        if let next = catalog.nextUnsolved(isSolved) {
            console.say("Next: \(next.id) — swift run kata watch")
        }
    }

    func show(_ kata: KataInfo) {
        console.say((try? fileSystem.readText(at: layout.instructions(kata.id))) ?? "(\(kata.id) has no instructions.md)")
        console.say("---")
        let files = fileSystem.listDirectory(at: layout.sources(kata.id)).filter { $0.hasSuffix(".swift") }
        console.say("Edit:  " + files.map { shown(join(layout.sources(kata.id), $0)) }.joined(separator: ", "))
        console.say("Check: swift run kata watch \(kata.id)")
        console.say("Stuck: swift run kata hint \(kata.id)")
    }

    func hint(_ kata: KataInfo, all: Bool) throws {
        let seen = progress.load()[kata.id].hintsSeen
        if all {
            for line in HintBook.seenSoFar(kata, seen: seen) { console.say(line) }
            return
        }
        let next = HintBook.next(kata, seen: seen)
        for line in next.lines { console.say(line) }
        if next.seen != seen { try progress.update { $0[kata.id].hintsSeen = next.seen } }
    }

    /// The reference, on request. Before a solve it spoils the kata, so it asks first.
    func solution(_ kata: KataInfo, confirmed: Bool) {
        if !isSolved(kata) {
            console.say("warning: \(kata.id) is not solved yet; reading the reference now takes away the kata's point.")
            guard confirmed || console.confirm("Show it anyway?") else {
                console.say("Not shown. (`swift run kata hint \(kata.id)` gives a nudge instead.)")
                return
            }
        }
        let folder = layout.reference(kata.id)
        let files = (try? fileSystem.swiftFiles(in: folder)) ?? [:]
        for name in files.keys.sorted() {
            console.say("// \(shown(join(folder, name)))")
            console.say(files[name]!)
        }
    }

    func reset(_ kata: KataInfo, confirmed: Bool) async throws -> Int32 {
        let sources = layout.sources(kata.id)
        let restorer = StubRestorer(runner: runner, sourcesDirectory: sources)
        let stub: [String: String]
        do {
            stub = try await restorer.pristineStub()
        } catch let failure as StubRestorer.Failure {
            throw KataToolError("cannot reset \(kata.id): \(failure)")
        }
        let current = try fileSystem.swiftFiles(in: sources)
        let changed = stub.keys.sorted().filter { current[$0] != stub[$0] }
        let clearSolved = { try progress.update { $0[kata.id].solvedSourcesHash = nil } }
        guard !changed.isEmpty else {
            try clearSolved()
            console.say("\(shown(sources))/ already holds the stub; nothing to restore.")
            return 0
        }
        let list = changed.map { "\(shown(sources))/\($0)" }.joined(separator: ", ")
        guard confirmed || console.confirm("This discards your changes to \(list). Continue?") else {
            console.say("Nothing changed. (To reset without a question, e.g. from a script: --yes.)")
            return 1
        }
        for name in changed { try fileSystem.write(stub[name]!, to: join(sources, name)) }
        try clearSolved()
        for name in current.keys.sorted() where stub[name] == nil {
            console.say("note: \(shown(sources))/\(name) is not part of the stub; left as it is.")
        }
        console.say("Restored the stub: \(list)")
        return 0
    }
}

/// Left-aligned columns, two spaces apart.
enum TextTable {
    static func render(_ rows: [[String]]) -> [String] {
        let widths = (0..<(rows.first?.count ?? 0)).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            let padded = zip(row, widths).map { cell, width in cell + String(repeating: " ", count: width - cell.count) }
            return String(padded.joined(separator: "  ").reversed().drop { $0 == " " }.reversed())
        }
    }
}
