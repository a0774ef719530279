import PatternsContent

/// Each kata's generated mutants while verify builds them: what was generated, which mutants
/// were left out because they did not compile, and which hand-written mutants are folded in.
struct SchemataBuilds {
    struct Build {
        var kata: Kata
        var files: KataFiles
        var solutionFiles: [String]
        var generated: GeneratedMutants
        /// Generated mutants left out because they did not compile.
        var excluded: Set<String> = []
        /// kata.yml's mutants, and the build of its own each would need if it cannot be folded in.
        var handWritten: [HandWrittenEdit] = []
        var separate: [String: Variant] = [:]
        /// Hand-written mutants taken back out of the schemata (their folded form did not compile).
        var unfolded: Set<String> = []

        /// The hand-written mutants that need a build of their own: not folded in.
        var separateVariants: [Variant] {
            let folded = Set(generated.folded.map(\.id))
            return separate.filter { !folded.contains($0.key) }.sorted { $0.key < $1.key }.map(\.value)
        }
    }

    var builds: [String: Build] = [:]

    /// The kata's schemata variant made again without `blamed` (and the mutants left out before).
    mutating func regenerate(_ kataID: String, excluding blamed: Set<String>, with generator: MutantGenerating) async throws -> Variant {
        guard var build = builds[kataID] else { preconditionFailure("no schemata for \(kataID)") }
        let handWritten = Set(build.handWritten.map(\.id))
        build.unfolded.formUnion(blamed.intersection(handWritten))
        build.excluded.formUnion(blamed.subtracting(handWritten))
        build.generated = try await generator.generate(kataID: kataID, solutionFiles: build.solutionFiles, handWritten: build.handWritten,
                                                       excluding: build.excluded.union(build.unfolded))
        builds[kataID] = build
        return VariantGenerator.schemata(for: build.kata, files: build.files, generated: build.generated)
    }

    /// Nil for a kata without generated mutants; outcomes are nil when its schemata never ran.
    func score(_ kata: Kata, outcomes: [String: Bool]?) -> MutationScore? {
        guard let build = builds[kata.id] else { return nil }
        let descriptions = Dictionary(build.generated.mutants.map { ($0.id, "\($0.file):\($0.line): \($0.description)") },
                                      uniquingKeysWith: { first, _ in first })
        return MutationScore(kataID: kata.id, outcomes: outcomes ?? [:], stillborn: build.excluded.count,
                             equivalent: kata.equivalentMutants, descriptions: descriptions,
                             ran: outcomes != nil || build.generated.mutants.isEmpty)
    }
}
