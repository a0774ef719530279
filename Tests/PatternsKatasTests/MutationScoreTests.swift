import PatternsContent
import Testing
@testable import PatternsKatas

@Suite("Mutation score and its table")
struct MutationScoreTests {
    func equivalent(_ id: String) -> Kata.EquivalentMutant {
        Kata.EquivalentMutant(id: id, reason: "Same behaviour.", location: SourceLocation(file: "katas/adder/kata.yml", line: 20, column: 9))
    }

    func score(_ outcomes: [String: Bool], equivalent ids: [String] = []) -> MutationScore {
        MutationScore(kataID: "adder", outcomes: outcomes, stillborn: 1, equivalent: ids.map(equivalent),
                      descriptions: ["f/boundary/1": "Adder.swift:3: line 3: `<` → `<=`"], ran: true)
    }

    @Test("Score is killed over generated minus equivalent, gated at 90 %")
    func gate() {
        var outcomes = Dictionary(uniqueKeysWithValues: (1...9).map { ("f/constant+1/\($0)", true) })
        outcomes["f/boundary/1"] = false
        #expect(score(outcomes).percent == "90 %" && score(outcomes).passesGate)
        outcomes["f/constant+1/9"] = false
        #expect(!score(outcomes).passesGate, "8 of 10 is below the gate")
        #expect(score(outcomes, equivalent: ["f/constant+1/9"]).killed == 8)
        #expect(score(outcomes, equivalent: ["f/constant+1/9"]).counted.count == 9)
    }

    @Test("A schemata that never ran fails the gate, whatever its outcomes")
    func neverRan() {
        var unrun = score(["f/boundary/1": true])
        #expect(!unrun.failsGate)
        unrun.ran = false
        #expect(unrun.failsGate)
        #expect(unrun.problems.contains { $0.contains("did not run") })
    }

    @Test("A survivor is named with where it is and what it changes")
    func survivors() {
        let problems = score(["f/boundary/1": false, "f/constant+1/1": true]).problems
        #expect(problems.contains("adder: generated mutant 'f/boundary/1' survived: Adder.swift:3: line 3: `<` → `<=`"))
    }

    @Test("Above the gate a survivor is a note, not an error")
    func survivorAboveGate() {
        var outcomes = Dictionary(uniqueKeysWithValues: (1...9).map { ("f/constant+1/\($0)", true) })
        outcomes["f/boundary/1"] = false
        let passing = score(outcomes)
        #expect(passing.problems.isEmpty, "\(passing.problems)")
        #expect(passing.survivorLines == ["adder: generated mutant 'f/boundary/1' survived: Adder.swift:3: line 3: `<` → `<=`"])
    }

    @Test("An equivalent entry that is killed, or not generated, is an error at its line")
    func wrongEquivalents() {
        let problems = score(["f/boundary/1": true], equivalent: ["f/boundary/1", "f/gone/1"]).problems
        #expect(problems.contains("katas/adder/kata.yml:20:9: equivalent mutant 'f/boundary/1' is killed by the tests, so it is not equivalent; remove it"))
        #expect(problems.contains { $0.contains("'f/gone/1' is not a generated mutant") })
    }

    @Test("Mutants that never ran do not pass the gate")
    func notRun() {
        let silent = MutationScore(kataID: "adder", outcomes: [:], stillborn: 0, equivalent: [], descriptions: [:], ran: false)
        #expect(!silent.passesGate)
    }

    @Test("The table lines up one row per kata with stub passes, counts and score")
    func table() {
        let row = MutationTable.Row(kataID: "adder", stubPassing: .init(passed: 0, total: 2), handWrittenCaught: 5, handWritten: 5,
                                    score: score(["f/boundary/1": true, "f/constant+1/1": false]))
        let lines = MutationTable.render([row])
        #expect(lines.count == 2)
        #expect(lines[1].hasPrefix("adder"))
        #expect(lines[1].hasSuffix("1/2   50 %  FAIL"), "\(lines[1])")
    }

    @Test("Compiler errors are blamed on the innermost mutant holding them, or on nothing")
    func blame() {
        func mutant(_ id: String, _ start: Int, _ end: Int) -> GeneratedMutant {
            GeneratedMutant(id: id, index: 1, file: "Adder.swift", line: 3, column: 1, description: "",
                            region: .init(startLine: 3, startColumn: start, endLine: 3, endColumn: end))
        }
        let mutants = [mutant("outer", 5, 60), mutant("inner", 20, 40)]
        func error(_ column: Int, _ text: String = "nope") -> CompilerErrors.Entry {
            CompilerErrors.Entry(path: "/s/Variants/M/Sources/Adder.swift", line: "/s/Variants/M/Sources/Adder.swift:3:\(column): error: \(text)", context: [])
        }
        #expect(SchemataBlame.blame([error(25)], on: mutants) == ["inner"])
        #expect(SchemataBlame.blame([error(10)], on: mutants) == ["outer"])
        #expect(SchemataBlame.blame([error(2)], on: mutants) == nil)
        // An error outside every mutant that follows from one inside (a value left untyped).
        #expect(SchemataBlame.blame([error(25), error(2)], on: mutants) == ["inner"])
        #expect(SchemataBlame.blame([error(5, "unable to type-check this expression in reasonable time")], on: mutants) == ["outer", "inner"])
    }
}
