/// `watch`: a check on a clean screen after every save; a save during a check cancels it and
/// starts again; after a solve, an offer to go on to the next kata.
extension KataTool {
    public func watch(_ first: KataInfo, catalog: KataCatalog, poll: Duration = .milliseconds(300)) async throws {
        var kata = first
        let session = CheckSession(tool: self, catalog: catalog)
        var watcher = sourceWatcher(kata)
        var snapshot = watcher.snapshot()
        while true {
            header(kata, catalog)
            let solved: Bool?
            (solved, snapshot) = try await checkUnlessChanged(kata, session: session, watcher: watcher, after: snapshot, poll: poll)
            guard let solved else { continue }  // saved mid-check: start again
            if solved, let next = catalog.nextUnsolved(isSolved, after: kata),
               console.confirm("Go on to the next kata, \(next.id)?") {
                kata = next
                watcher = sourceWatcher(kata)
                snapshot = watcher.snapshot()
                continue
            }
            console.say("")
            console.say("Watching \(shown(layout.sources(kata.id)))/ — save to re-check, Ctrl-C to stop.")
            snapshot = try await watcher.nextChange(after: snapshot, poll: poll)
        }
    }

    /// Runs the check while watching for a save. Returns the check's answer, or nil when a save
    /// came first (the check is cancelled, which stops its processes), with the latest snapshot.
    public func checkUnlessChanged(_ kata: KataInfo, session: CheckSession, watcher: SourceWatcher,
                            after snapshot: SourceWatcher.Snapshot, poll: Duration) async throws -> (Bool?, SourceWatcher.Snapshot) {
        enum Event: Sendable { case checked(Bool), changed(SourceWatcher.Snapshot) }
        return try await withThrowingTaskGroup(of: Event.self) { group in
            group.addTask { .checked(try await session.run(kata)) }
            group.addTask { .changed(try await watcher.nextChange(after: snapshot, poll: poll)) }
            defer { group.cancelAll() }
            switch try await group.next()! {
            case .checked(let solved): return (solved, snapshot)
            case .changed(let newer): return (nil, newer)
            }
        }
    }

    func header(_ kata: KataInfo, _ catalog: KataCatalog) {
        let solved = catalog.katas.filter(isSolved).count
        console.clear()
        console.say("\(kata.title) — \(kata.id), kata \(kata.order) of \(catalog.katas.count), \(kata.difficulty)")
        console.say(ProgressBar.render(solved: solved, total: catalog.katas.count))
        let files = fileSystem.listDirectory(at: layout.sources(kata.id)).filter { $0.hasSuffix(".swift") }
        console.say("Edit \(files.map { shown(join(layout.sources(kata.id), $0)) }.joined(separator: ", ")); the task: \(shown(layout.instructions(kata.id)))")
        console.say("")
    }

    public func sourceWatcher(_ kata: KataInfo) -> SourceWatcher {
        let directory = layout.sources(kata.id)
        let fileSystem = self.fileSystem
        return SourceWatcher(times: times) { fileSystem.listDirectory(at: directory).map { join(directory, $0) } }
    }
}
