import Foundation
import PatternsContent

/// Turns a kata into its stub, reference and mutant variants. Pure: files in, files out.
public enum VariantGenerator {
    public static func variants(for kata: Kata, files: KataFiles) -> (variants: [Variant], errors: [VariantError]) {
        var errors: [VariantError] = []
        // An empty target breaks the whole scratch package, so such a kata gets no variants.
        for (folder, contents) in [("Sources", files.sources), ("Tests", files.tests), (KataLayout.referenceFolder, files.solution)]
        where contents.isEmpty {
            errors.append(VariantError(kataID: kata.id, "no Swift files in \(folder)/"))
        }
        if !errors.isEmpty { return ([], errors) }
        // The reference folder holds the files the learner writes; a Sources/ file it lacks is given to the
        // learner (a fake database, say) and is part of the reference as it stands.
        let reference = files.sources.merging(files.solution) { _, solved in solved }

        func make(_ kind: Variant.Kind, suffix: String, sources: [String: String]) -> Variant {
            variant(of: kata, files: files, kind: kind, suffix: suffix, sources: sources)
        }

        var variants = [
            make(.reference, suffix: "reference", sources: reference),
            make(.stub, suffix: "stub", sources: files.sources),
        ]
        var suffixes: Set<String> = ["stub", "reference", schemataSuffix]
        for mutant in kata.mutants {
            let suffix = ModuleName.identifier(from: mutant.id)
            guard suffixes.insert(suffix).inserted else {
                errors.append(VariantError(kataID: kata.id, mutant: mutant, "mutant '\(mutant.id)' clashes with another variant named '\(suffix)'; rename it"))
                continue
            }
            switch MutantApplier.apply(mutant, to: reference) {
            case .success(let mutated):
                variants.append(make(.mutant(mutant), suffix: suffix, sources: mutated))
            case .failure(let problem):
                errors.append(VariantError(kataID: kata.id, mutant: mutant, "mutant '\(mutant.id)': \(problem.message)"))
            }
        }
        return (variants, errors)
    }
}

extension VariantGenerator {
    /// The one variant holding all of a kata's generated mutants: the reference with its
    /// solution files replaced by their schemata.
    public static func schemata(for kata: Kata, files: KataFiles, generated: GeneratedMutants) -> Variant {
        let sources = files.sources.merging(files.solution) { _, solved in solved }.merging(generated.files) { _, mutated in mutated }
        return variant(of: kata, files: files, kind: .schemata, suffix: schemataSuffix, sources: sources)
    }

    static let schemataSuffix = "generated"

    /// The schemata's module name, without making the variant.
    static func schemataModule(of kata: Kata) -> String { module(of: kata, suffix: schemataSuffix) }

    static func module(of kata: Kata, suffix: String) -> String { "\(kata.module)__\(suffix)" }

    static func variant(of kata: Kata, files: KataFiles, kind: Variant.Kind, suffix: String, sources: [String: String]) -> Variant {
        let module = module(of: kata, suffix: suffix)
        let tests = files.tests.mapValues { ImportRewriter.rewrite($0, from: kata.module, to: module) }
        return Variant(kataID: kata.id, kind: kind, module: module, sources: sources, tests: tests)
    }
}

/// Mutant ids are kebab-case; module names must be Swift identifiers.
public enum ModuleName {
    public static func identifier(from id: String) -> String {
        let mapped = String(id.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
        guard let first = mapped.first, !first.isNumber else { return "_" + mapped }
        return mapped
    }
}

/// Rewrites `import M` and `@testable import M` so a kata's tests compile against a variant.
public enum ImportRewriter {
    public static func rewrite(_ source: String, from module: String, to replacement: String) -> String {
        source.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            rewriteLine(String(line), from: module, to: replacement)
        }.joined(separator: "\n")
    }

    static func rewriteLine(_ line: String, from module: String, to replacement: String) -> String {
        let words = line.split(separator: " ", omittingEmptySubsequences: true)
        // Only whole-line imports of exactly this module: `import M`, `@testable import M`.
        let isImport = (words.count == 2 && words[0] == "import")
            || (words.count == 3 && words[0] == "@testable" && words[1] == "import")
        guard isImport, words.last == Substring(module) else { return line }
        let indent = line.prefix { $0 == " " || $0 == "\t" }
        return indent + words.dropLast().joined(separator: " ") + " " + replacement
    }
}

/// Applies a mutant's one textual edit to the reference solution.
public enum MutantApplier {
    public struct Problem: Error, Hashable {
        public var message: String
    }

    public static func apply(_ mutant: Kata.Mutant, to solution: [String: String]) -> Result<[String: String], Problem> {
        guard let text = solution[mutant.file] else {
            let known = solution.keys.sorted().joined(separator: ", ")
            return .failure(Problem(message: "file '\(mutant.file)' is not in \(KataLayout.referenceFolder)/ (it has \(known))"))
        }
        guard !mutant.replace.isEmpty else { return .failure(Problem(message: "'replace' is empty")) }
        let count = occurrences(of: mutant.replace, in: text)
        guard count == 1 else {
            let detail = count == 0 ? "does not occur" : "occurs \(count) times"
            return .failure(Problem(message: "the 'replace' text \(detail) in \(KataLayout.referenceFolder)/\(mutant.file); it must occur exactly once"))
        }
        var mutated = solution
        mutated[mutant.file] = text.replacingFirst(mutant.replace, with: mutant.replacement)
        if mutated[mutant.file] == text {
            return .failure(Problem(message: "'replace' and 'with' are the same text, so nothing changes"))
        }
        return .success(mutated)
    }

    /// Counts possibly overlapping occurrences, so `aa` in `aaa` is two: ambiguous either way.
    static func occurrences(of needle: String, in haystack: String) -> Int {
        var count = 0
        var start = haystack.startIndex
        while let found = haystack.range(of: needle, range: start..<haystack.endIndex) {
            count += 1
            start = haystack.index(after: found.lowerBound)
        }
        return count
    }
}

extension String {
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
