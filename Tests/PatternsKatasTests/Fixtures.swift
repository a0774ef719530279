import PatternsContent
import PatternsKatas

/// Hand-built katas and files for the tests, so they do not depend on the loader or on katas/.
enum Fixture {
    static func mutant(_ id: String, replace: String, with replacement: String, file: String = "Adder.swift") -> Kata.Mutant {
        Kata.Mutant(id: id, description: "The \(id) mistake.", file: file, replace: replace, replacement: replacement,
                    location: SourceLocation(file: "katas/adder/kata.yml", line: 9, column: 5))
    }

    static func kata(id: String = "adder", module: String = "AdderKata", mutants: [Kata.Mutant]? = nil,
                     hints: [String] = ["Think about it.", "Use +."]) -> Kata {
        Kata(
            id: id, title: "Add two numbers", pattern: "retry", module: module, difficulty: .beginner,
            order: 1, blurb: "Adds.", hints: hints,
            mutants: mutants ?? [
                mutant("subtracts", replace: "a + b", with: "a - b"),
                mutant("swaps", replace: "a + b", with: "b + a"),
            ],
            instructions: "# Add\nAdd them.", source: SourceFile(path: "katas/\(id)/kata.yml", body: "", bodyStartLine: 1)
        )
    }

    static let stub = """
        /// Returns the sum of `a` and `b`.
        public func add(_ a: Int, _ b: Int) -> Int {
            0 // TODO(kata)
        }

        """

    static let solution = """
        /// Returns the sum of `a` and `b`.
        public func add(_ a: Int, _ b: Int) -> Int {
            a + b
        }

        """

    static let tests = """
        import Testing
        @testable import AdderKata

        @Test("Adding zero keeps the number") func zero() { #expect(add(3, 0) == 3) }
        @Test("Two numbers add up") func sum() { #expect(add(2, 3) == 5, "add(2, 3) returned \\(add(2, 3))") }

        """

    static var files: KataFiles {
        KataFiles(sources: ["Adder.swift": stub], tests: ["AdderTests.swift": tests], solution: ["Adder.swift": solution])
    }
}
