import PatternsContent

/// Each kata's generated mutants while verify builds them: what was generated, and which
/// mutants were left out because they did not compile.
struct SchemataBuilds {
    struct Build {
        var kata: Kata
        var files: KataFiles
        var solutionFiles: [String]
        var generated: GeneratedMutants
        var excluded: Set<String> = []
    }

    var builds: [String: Build] = [:]

    /// The kata's schemata variant made again without `blamed` (and the mutants left out before).
    mutating func regenerate(_ kataID: String, excluding blamed: Set<String>, with generator: MutantGenerating) async throws -> Variant {
        guard var build = builds[kataID] else { preconditionFailure("no schemata for \(kataID)") }
        build.excluded.formUnion(blamed)
        build.generated = try await generator.generate(kataID: kataID, solutionFiles: build.solutionFiles, excluding: build.excluded)
        builds[kataID] = build
        return VariantGenerator.schemata(for: build.kata, files: build.files, generated: build.generated)
    }

    /// Nil for a kata without generated mutants; outcomes are nil when its schemata never ran.
    func score(_ kata: Kata, outcomes: [String: Bool]?) -> MutationScore? {
        guard let build = builds[kata.id] else { return nil }
        let descriptions = Dictionary(build.generated.mutants.map { ($0.id, "\($0.file):\($0.line): \($0.description)") },
                                      uniquingKeysWith: { first, _ in first })
        var score = MutationScore(kataID: kata.id, outcomes: outcomes ?? [:], stillborn: build.excluded.count,
                                  equivalent: kata.equivalentMutants, descriptions: descriptions,
                                  ran: outcomes != nil || build.generated.mutants.isEmpty)
        score.pendingReason = kata.mutationGatePending
        return score
    }
}
