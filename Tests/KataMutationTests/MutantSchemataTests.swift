@testable import PatternsKatas
import Testing
@testable import KataMutation

@Suite("generated mutants, as schemata")
struct MutantSchemataTests {
    static let source = """
        public struct Gate {
            public var limit: Int
            var opened = false

            public func admits(_ n: Int) -> Bool {
                n < limit && !opened
            }

            public mutating func open() {
                opened = true
            }

            func capped(_ x: Int) -> Int {
                precondition(x >= 0, "negative")
                return min(x, limit)
            }
        }

        """

    func generate(excluding: Set<String> = []) -> GeneratedMutants {
        MutantSchemata.generate(files: ["Gate.swift": Self.source], excluding: excluding)
    }

    @Test("each operator yields a mutant with a stable, declaration-based id")
    func ids() {
        let ids = generate().mutants.map(\.id)
        #expect(ids.contains("Gate.admits(_:)/boundary/1"))
        #expect(ids.contains("Gate.admits(_:)/logical/1"))
        #expect(ids.contains("Gate.admits(_:)/remove-not/1"))
        #expect(ids.contains("Gate.open()/early-return/1"))
        #expect(ids.contains("Gate.open()/remove-statement/1"))
        #expect(ids.contains("Gate.open()/boolean/1"))
        #expect(ids.contains("Gate.capped(_:)/min-max/1"))
        #expect(ids.contains("Gate.opened/boolean/1"))
    }

    @Test("contract checks are neither mutated nor removed")
    func contracts() {
        let generated = generate()
        let inCapped = generated.mutants.filter { $0.id.hasPrefix("Gate.capped(_:)") }.map(\.id)
        #expect(inCapped == ["Gate.capped(_:)/min-max/1"], "mutants in capped(_:): \(inCapped)")
        #expect(generated.files["Gate.swift"]!.contains(#"precondition(x >= 0, "negative")"#))
    }

    @Test("each mutant is behind the switch, and the reference code stays in the else arm")
    func schemata() {
        let generated = generate()
        let text = generated.files["Gate.swift"]!
        let boundary = generated.mutants.first { $0.id == "Gate.admits(_:)/boundary/1" }!
        #expect(text.contains("__kataMutant == \(boundary.index) ? (n <= limit) : (n < limit)"), "\(text)")
        let removal = generated.mutants.first { $0.id == "Gate.open()/remove-statement/1" }!
        #expect(text.contains("if __kataMutant != \(removal.index) {"))
        #expect(generated.files[MutantSchemata.switchFile]!.contains(GeneratedMutants.environmentVariable))
    }

    @Test("every mutant is registered once: nested points are not duplicated by their parents' arms")
    func noDuplicates() {
        let mutants = MutantSchemata.generate(files: ["F.swift": "func f(a: Int, b: Int) -> Int { a + b * 2 }\n"]).mutants
        #expect(mutants.map(\.id) == [
            "f(a:b:)/arithmetic/1", "f(a:b:)/arithmetic/2", "f(a:b:)/constant+1/1", "f(a:b:)/constant-1/1",
            "f(a:b:)/constant*2/1",
        ])
        #expect(Set(mutants.map(\.index)).count == mutants.count)
    }

    @Test("an excluded mutant disappears and the others keep their ids")
    func exclusion() {
        let all = generate().mutants.map(\.id)
        let fewer = generate(excluding: ["Gate.admits(_:)/boundary/1"]).mutants.map(\.id)
        #expect(fewer == all.filter { $0 != "Gate.admits(_:)/boundary/1" })
    }

    @Test("a region covers the mutant's code, so a compiler error there is blamed on it")
    func regions() {
        let generated = generate()
        let boundary = generated.mutants.first { $0.id == "Gate.admits(_:)/boundary/1" }!
        let line = generated.files["Gate.swift"]!.split(separator: "\n", omittingEmptySubsequences: false)[boundary.region.startLine - 1]
        #expect(line.contains("n <= limit"), "region starts on: \(line)")
        let error = CompilerErrors.Entry(path: "/x/Sources/Gate.swift",
                                         line: "/x/Sources/Gate.swift:\(boundary.region.startLine):\(boundary.region.startColumn + 1): error: no",
                                         context: [])
        #expect(SchemataBlame.blame([error], on: generated.mutants) != nil)
    }

    @Test("a lone call that may be a closure's value is not removed; `while true` is left alone")
    func implicitReturns() {
        let source = """
            func f(_ g: () -> Int) -> Int { g() }
            func h() -> Int { let k = { f { 1 } }; while true { return k() } }

            """
        let ids = MutantSchemata.generate(files: ["F.swift": source]).mutants.map(\.id)
        #expect(!ids.contains { $0.contains("remove-statement") || $0.contains("negate-condition") || $0.contains("boolean") }, "\(ids)")
    }
}
