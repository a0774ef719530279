import Testing
@testable import PatternsKatas

@Suite("Reading Swift Testing's event stream")
struct TestEventStreamParserTests {
    @Test("Behaviours are named by display name, in declaration order, with their status")
    func namesAndStatus() {
        let report = TestEventStreamParser.parse(Samples.eventStream)
        #expect(report.finished)
        #expect(report.behaviours.map(\.name) == [
            "Adding zero keeps the number", "Adding two numbers sums them", "Two issues", "plainName()",
            "Nested \"quoted\" name",
        ])
        #expect(report.behaviours.map(\.passed) == [true, false, false, false, true])
        #expect(report.passedCount == 2)
        #expect(!report.allPassed)
    }

    @Test("Each issue keeps its location, message and comment")
    func issues() {
        let report = TestEventStreamParser.parse(Samples.eventStream)
        let sum = report.behaviours[1]
        #expect(sum.issues == ["ProbeTests.swift:5:52: Expectation failed: (add(2, 3) → -1) == 5 — add(2, 3) returned -1"])
        #expect(report.behaviours[2].issues.count == 2)
    }

    @Test("A stream cut short marks the running test as unfinished and the run as not finished")
    func truncated() {
        let lines = Samples.eventStream.split(separator: "\n")
        // Up to the first issue: every test started, none ended; plus half a line from a kill.
        let cut = lines.prefix(13).joined(separator: "\n") + "\n{\"kind\":\"event\",\"payl"
        let report = TestEventStreamParser.parse(cut)
        #expect(!report.finished)
        #expect(report.behaviours.allSatisfy { $0.status == .didNotFinish })
        #expect(!report.allPassed)
    }

    @Test("An empty stream is an unfinished run with no behaviours")
    func empty() {
        let report = TestEventStreamParser.parse("")
        #expect(report.behaviours.isEmpty)
        #expect(!report.finished)
    }
}

@Suite("Picking compiler errors out of build output")
struct CompilerErrorsTests {
    @Test("Errors are kept once each, with the quoted source")
    func extract() {
        let errors = CompilerErrors.extract(from: Samples.compilerOutput)
        #expect(errors.count == 1)
        #expect(errors[0].path == "/tmp/k/katas/adder/Sources/Adder.swift")
        #expect(errors[0].context.count == 6)
    }

    @Test("Lines that merely mention an error are not errors")
    func notErrors() {
        #expect(CompilerErrors.errorPath("error: fatalError") == nil)
        #expect(CompilerErrors.errorPath("   |  `- error: cannot convert") == nil)
        #expect(CompilerErrors.errorPath("/a/b.swift:1:2: error: x") == "/a/b.swift")
    }
}

@Suite("Repeated issues")
struct RepeatedIssueTests {
    @Test("The same failure recorded in a loop is shown once, with a count")
    func collapse() {
        #expect(TestEventStreamParser.collapse(["a", "b", "a", "a"]) == ["a (×3)", "b"])
    }
}
