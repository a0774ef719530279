import Foundation
import PatternsContent
import Testing
@testable import PatternsKatas

@Suite("The learner's loop")
struct LearnerLoopTests {
    func tool(_ fileSystem: MemoryFileSystem, _ runner: ProcessRunner, console: Console = RecordingConsole()) -> KataTool {
        KataTool(layout: KataLayout(katasRoot: "/k"), fileSystem: fileSystem, runner: runner, console: console, times: FakeTimes())
    }

    static let crashLine = "AdderKata/Adder.swift:3: Fatal error: Unexpectedly found nil while unwrapping an Optional value"

    @Test("A crash fails the behaviour that crashed, with its Fatal error line, and the others still report")
    func crashIsolation() async throws {
        let fileSystem = Fixture.katasTree([("one", 1)])
        let runner = FakeKataRunner(fileSystem: fileSystem) { skips in
            let declared = ["T.a()", "T.b()", "T.c()"].map { Events.declare($0, "Behaviour " + $0.dropFirst(2).prefix(1)) }
            if skips.isEmpty {
                let events = declared + [Events.started("T.a()"), Events.ended("T.a()"), Events.started("T.b()")]
                return (events, ProcessOutcome(exitCode: 132, output: "◇ Test started.\n\(Self.crashLine)\n", signal: 4))
            }
            #expect(skips == [#"^T\.b\(\)"#])
            let events = declared + [Events.started("T.a()"), Events.ended("T.a()"),
                                     Events.started("T.c()"), Events.failed("T.c()"), Events.ended("T.c()"), Events.runEnded]
            return (events, ProcessOutcome(exitCode: 1, output: ""))
        }
        let kata = try tool(fileSystem, runner).kata("one", in: tool(fileSystem, runner).catalog)
        let outcome = try await KataChecker(runner: runner, fileSystem: fileSystem, layout: KataLayout(katasRoot: "/k")).check(kata)
        guard case .tested(let report, let crashed) = outcome else {
            Issue.record("expected a finished run, got \(outcome)")
            return
        }
        #expect(crashed == ["Behaviour b"])
        #expect(report.behaviours.map(\.name) == ["Behaviour a", "Behaviour b", "Behaviour c"])
        #expect(report.behaviours.map(\.status) == [.passed, .failed, .failed])
        #expect(report.behaviours[1].issues == ["crashed: " + Self.crashLine])
        // Without the backtracer: no register dump, and the Fatal error line is printed reliably.
        #expect(runner.requests.last?.environment["SWIFT_BACKTRACE"] == "enable=no")
        #expect(runner.requests.last?.arguments.contains("--no-parallel") == true)
    }

    @Test("Code that never returns is stopped at the time limit, which names the behaviour that was running")
    func hang() async throws {
        let fileSystem = Fixture.katasTree([("one", 1)])
        let runner = FakeKataRunner(fileSystem: fileSystem) { _ in
            ([Events.declare("T.a()", "Waits for ever"), Events.started("T.a()")],
             ProcessOutcome(exitCode: 137, output: "", timedOut: true))
        }
        let console = RecordingConsole()
        let status = try await tool(fileSystem, runner, console: console)
            .run(try KataCommandLine.parse(["check", "one", "--time-limit", "5"]))
        #expect(status == 1)
        #expect(runner.requests.last?.timeout == .seconds(5))
        #expect(console.text.contains("✗ Stopped at the time limit (5 s) while “Waits for ever” was running"))
        // The build is not held to the tests' limit: a first build on a busy machine is slow.
        #expect(runner.requests.first?.arguments == ["swift", "build", "--build-tests"])
        #expect(runner.requests.first?.timeout == .seconds(900))
    }

    @Test("Each kata builds in a workspace of its own, so one that does not compile never blocks another")
    func isolation() async throws {
        let fileSystem = Fixture.katasTree([("one", 1), ("two", 2)])
        let runner = FakeKataRunner(fileSystem: fileSystem, build: { request in
            // `one` does not compile; a shared package would fail every kata's build.
            request.workingDirectory.hasSuffix("/one")
                ? ProcessOutcome(exitCode: 1, output: "/k/.build/learner/one/Sources/Adder.swift:3:5: error: nope\n")
                : ProcessOutcome(exitCode: 0, output: "")
        }) { _ in
            ([Events.declare("T.a()", "Adds"), Events.started("T.a()"), Events.ended("T.a()"), Events.runEnded],
             ProcessOutcome(exitCode: 0, output: ""))
        }
        let checker = KataChecker(runner: runner, fileSystem: fileSystem, layout: KataLayout(katasRoot: "/k"))
        let catalog = KataCatalog.load(KataLayout(katasRoot: "/k"), fileSystem)
        let broken = try await checker.check(catalog.katas[0])
        #expect(broken == .compileFailed([CompilerErrors.Entry(path: "one/Sources/Adder.swift", line: "one/Sources/Adder.swift:3:5: error: nope", context: [])]))
        guard case .tested(let report, _) = try await checker.check(catalog.katas[1]) else {
            Issue.record("kata two should have been tested")
            return
        }
        #expect(report.allPassed)
        #expect(fileSystem.links["/k/.build/learner/two/Sources"] == "/k/two/Sources")
        let manifest = try fileSystem.readText(at: "/k/.build/learner/two/Package.swift")
        #expect(manifest.contains("\"TwoKata\"") && !manifest.contains("OneKata"))
    }

    @Test("A kata.yml that cannot be read is reported with file:line, and the other katas are still listed")
    func brokenMetadata() {
        let fileSystem = Fixture.katasTree([("one", 1), ("two", 2)])
        try? fileSystem.write(Fixture.kataYAML(id: "one", order: 1).replacingOccurrences(of: "order: 1", with: "order: first"), to: "/k/one/kata.yml")
        let catalog = KataCatalog.load(KataLayout(katasRoot: "/k"), fileSystem)
        #expect(catalog.katas.map(\.id) == ["two"])
        #expect(catalog.problems == ["/k/one/kata.yml:6:1: expected a whole number for 'order', found 'first'"])
    }

    @Test("Without an id, commands act on the next unsolved kata in order; the progress bar counts solves")
    func nextKata() throws {
        let fileSystem = Fixture.katasTree([("two", 2), ("one", 1), ("three", 3)])
        let tool = tool(fileSystem, FakeKataRunner(fileSystem: fileSystem) { _ in ([], ProcessOutcome(exitCode: 0, output: "")) })
        #expect(try tool.kata(nil, in: tool.catalog).id == "one")
        try tool.progress.update { $0["one"].solvedSourcesHash = SourceHash.of(tool.sources(of: Fixture.info(id: "one"))) }
        #expect(try tool.kata(nil, in: tool.catalog).id == "two")
        #expect(tool.catalog.nextUnsolved(tool.isSolved, after: tool.catalog.katas[1])?.id == "three")
        #expect(ProgressBar.render(solved: 1, total: 3, width: 6) == "[██░░░░] 1 of 3 solved")
        #expect(ProgressBar.render(solved: 0, total: 0, width: 2) == "[░░] 0 of 0 solved")
    }

    @Test("After a solve: a diff against the reference, the decisions, dig-deeper notes, the pattern page, the next kata")
    func afterSolve() async throws {
        let fileSystem = Fixture.katasTree([("one", 1), ("two", 2)])
        try fileSystem.write(Fixture.solution.replacingOccurrences(of: "a + b", with: "b + a"), to: "/k/one/Sources/Adder.swift")
        let runner = FakeKataRunner(fileSystem: fileSystem) { _ in
            ([Events.declare("T.a()", "Adds"), Events.started("T.a()"), Events.ended("T.a()"), Events.runEnded],
             ProcessOutcome(exitCode: 0, output: ""))
        }
        let console = RecordingConsole()
        let status = try await tool(fileSystem, runner, console: console).run(try KataCommandLine.parse(["check"]))
        #expect(status == 0)
        let text = console.text
        #expect(text.contains("✓ Solved one!  [████████░░░░░░░░] 1 of 2 solved"))
        #expect(text.contains("    -     b + a\n    +     a + b"))
        #expect(text.contains("  • Plus, not minus"))
        #expect(text.contains("Dig deeper:\n  • Overflow: what then?\n  • Floating point?"))
        #expect(text.contains("The pattern: https://p.example.org/patterns/retry/"))
        #expect(text.contains("Next: two — Kata two (beginner).  swift run kata watch two"))
        #expect(ProgressStore(fileSystem: fileSystem, path: "/k/.progress.json").load()["one"].solvedSourcesHash != nil)
    }

    @Test("The reference is shown before a solve only on request, after a warning")
    func referenceOnRequest() async throws {
        let fileSystem = Fixture.katasTree([("one", 1)])
        let runner = FakeKataRunner(fileSystem: fileSystem) { _ in ([], ProcessOutcome(exitCode: 0, output: "")) }
        let refused = RecordingConsole(answer: false)
        _ = try await tool(fileSystem, runner, console: refused).run(try KataCommandLine.parse(["solution", "one"]))
        #expect(refused.text.contains("warning: one is not solved yet"))
        #expect(!refused.text.contains("a + b"))
        let forced = RecordingConsole()
        _ = try await tool(fileSystem, runner, console: forced).run(try KataCommandLine.parse(["solution", "one", "--yes"]))
        #expect(forced.text.contains("// one/.meta/solution/Adder.swift") && forced.text.contains("a + b"))
    }

    @Test("A save during a check cancels it, which stops the processes it started")
    func saveCancelsCheck() async throws {
        let fileSystem = Fixture.katasTree([("one", 1)])
        let cancelled = Flag()
        let times = FakeTimes()
        var tool = tool(fileSystem, BlockingRunner(cancelled: cancelled))
        tool.times = times
        let kata = Fixture.info(id: "one")
        let watcher = tool.sourceWatcher(kata)
        let before = watcher.snapshot()
        times.set("/k/one/Sources/Adder.swift", 42)
        let (solved, after) = try await tool.checkUnlessChanged(
            kata, session: CheckSession(tool: tool, catalog: tool.catalog), watcher: watcher, after: before, poll: .milliseconds(5)
        )
        #expect(solved == nil)
        #expect(after["/k/one/Sources/Adder.swift"] == 42)
        #expect(cancelled.isSet)
    }

    @Test("watch: a clean screen with the kata, its behaviours and a progress bar; after a solve, the next kata", .timeLimit(.minutes(1)))
    func watchLoop() async throws {
        let fileSystem = Fixture.katasTree([("one", 1), ("two", 2)])
        let runner = FakeKataRunner(fileSystem: fileSystem) { _ in
            ([Events.declare("T.a()", "Adds"), Events.started("T.a()"), Events.ended("T.a()"), Events.runEnded],
             ProcessOutcome(exitCode: 0, output: ""))
        }
        let console = RecordingConsole(answer: true)
        let tool = tool(fileSystem, runner, console: console)
        let catalog = tool.catalog
        let watching = Task { try await tool.watch(try tool.kata(nil, in: catalog), catalog: catalog, poll: .milliseconds(5)) }
        while !console.text.contains("Watching two/Sources/") { try await Task.sleep(for: .milliseconds(10)) }
        watching.cancel()
        let lines = console.lines
        #expect(console.clears == 2)
        #expect(Array(lines.prefix(2)) == ["Kata one — one, kata 1 of 2, beginner", "[░░░░░░░░░░░░░░░░] 0 of 2 solved"])
        #expect(lines[2] == "Edit one/Sources/Adder.swift; the task: one/instructions.md")
        #expect(lines.contains("✓ Adds"))
        #expect(lines.contains("? Go on to the next kata, two?"))
        #expect(lines.contains("Kata two — two, kata 2 of 2, beginner"))
        #expect(lines.contains("[████████░░░░░░░░] 1 of 2 solved"))
    }

    @Test("From the wrong folder the tool says where to run it")
    func wrongPlace() throws {
        let fileSystem = MemoryFileSystem(["/repo/katas/Package.swift": "", "/repo/katas/Harness/H.swift": ""])
        #expect(try KataRoot.locate(from: "/repo", fileSystem) == "/repo/katas")
        #expect(try KataRoot.locate(from: "/repo/katas/timeout", fileSystem) == "/repo/katas")
        #expect(throws: KataToolError.self) { try KataRoot.locate(from: "/tmp/elsewhere", fileSystem) }
        do {
            _ = try KataRoot.locate(from: "/tmp/elsewhere", fileSystem)
        } catch {
            #expect("\(error)".contains("cd katas && swift run kata"))
        }
    }

    @Test("The command line: a command, an optional id, a time limit; mistakes say what is expected")
    func commandLine() throws {
        #expect(try KataCommandLine.parse([]) == KataCommandLine(command: "watch", id: nil, flags: [], timeLimit: nil))
        #expect(try KataCommandLine.parse(["check", "saga", "--time-limit", "60"]).timeLimit == 60)
        #expect(throws: KataToolError.self) { try KataCommandLine.parse(["chek"]) }
        #expect(throws: KataToolError.self) { try KataCommandLine.parse(["check", "--time-limit", "soon"]) }
    }

    @Test("A line diff shows changes with a little context, not whole files")
    func lineDiff() {
        let mine = "a\nb\nc\nd\ne\nf\ng"
        let reference = "a\nb\nc\nD\ne\nf\ng"
        #expect(LineDiff.lines(from: mine, to: reference, context: 1) == ["  c", "- d", "+ D", "  e"])
        #expect(LineDiff.lines(from: mine, to: mine).isEmpty)
    }
}

@Suite("kata.yml, read without Yams")
struct KataYAMLTests {
    @Test("The tiny reader agrees with the full YAML loader on every real kata.yml")
    func agreesWithYams() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let (katas, _) = ContentLoader(fileSystem: LocalFileSystem(root: repository), history: NoRevisionHistory()).loadKatas()
        #expect(katas.count >= 8)
        for kata in katas {
            let text = try String(contentsOfFile: "\(repository)/katas/\(kata.id)/kata.yml", encoding: .utf8)
            let info = try KataInfo.parse(text, path: "katas/\(kata.id)/kata.yml")
            #expect(info == KataInfo(id: kata.id, title: kata.title, pattern: kata.pattern, module: kata.module,
                                     difficulty: kata.difficulty.rawValue, order: kata.order, blurb: kata.blurb,
                                     hints: kata.hints, digDeeper: kata.digDeeper))
        }
    }

    @Test("What it cannot read is an error at file:line:column saying what was expected")
    func errors() {
        #expect(throws: KataYAML.Failure(path: "k.yml", line: 3, column: 5, expected: "a closing \" on the same line")) {
            try KataYAML.parse("id: x\nhints:\n  - \"open\n", path: "k.yml")
        }
        #expect(throws: KataYAML.Failure(path: "k.yml", line: 1, column: 1, expected: "a value for 'id'")) {
            try KataInfo.parse("title: x\n", path: "k.yml")
        }
    }
}
