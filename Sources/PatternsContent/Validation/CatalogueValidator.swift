/// Every rule that spans files, in one place: ids that must exist, tiers, katas, unused terms.
/// Value-level rules (types, vocabularies, lengths) were checked while decoding.
public enum CatalogueValidator {
    /// `undecodedPatterns` and `undecodedKatas` are ids whose files exist but failed to decode
    /// (already reported): references to them are not reported again as unknown.
    public static func validate(
        _ catalogue: Catalogue, undecodedPatterns: Set<String> = [], undecodedKatas: Set<String> = []
    ) -> Diagnostics {
        var diagnostics = Diagnostics()
        diagnostics.append(contentsOf: duplicates(catalogue.categories.map { ($0.id, $0.location) }, kind: "category"))
        diagnostics.append(contentsOf: duplicates(catalogue.groups.map { ($0.id, $0.location) }, kind: "group"))
        diagnostics.append(contentsOf: duplicates(catalogue.problems.map { ($0.id, $0.location) }, kind: "problem"))
        diagnostics.append(contentsOf: duplicates(catalogue.paths.map { ($0.id, $0.location) }, kind: "learning path"))
        diagnostics.append(contentsOf: duplicates(catalogue.patterns.map { ($0.id, $0.source.location(of: "id")) }, kind: "pattern"))
        diagnostics.append(contentsOf: duplicates(catalogue.guides.map { ($0.id, $0.source.location(of: "id")) }, kind: "guide"))
        for guide in catalogue.guides {
            diagnostics.append(contentsOf: fileNameCheck(id: guide.id, source: guide.source))
        }
        let context = PatternContext(catalogue: catalogue, undecodedPatterns: undecodedPatterns, undecodedKatas: undecodedKatas)
        for pattern in catalogue.patterns {
            diagnostics.append(contentsOf: context.check(pattern))
        }
        diagnostics.append(contentsOf: edgeDisagreements(catalogue.patterns))
        for path in catalogue.paths {
            for step in path.steps where !context.isKnownPattern(step.pattern) {
                diagnostics.append(unknown("pattern", step.pattern, at: step.location, among: context.patternIDs))
            }
        }
        diagnostics.append(contentsOf: validateKatas(catalogue.katas))
        for kata in catalogue.katas where !context.patternIDs.contains(kata.pattern) && !undecodedPatterns.contains(kata.pattern) {
            diagnostics.append(unknown("pattern", kata.pattern, at: kata.source.location(of: "pattern"), among: context.patternIDs))
        }
        diagnostics.append(contentsOf: unusedTerms(catalogue))
        return diagnostics
    }

    // MARK: Patterns

    /// The ids a pattern may point at, gathered once.
    private struct PatternContext {
        let catalogue: Catalogue
        let patternIDs: Set<String>
        let categoryIDs: Set<String>
        let groupIDs: Set<String>
        let problemIDs: Set<String>
        let katasByID: [String: Kata]
        /// Patterns that some other pattern's `related` names.
        let patternsPointedAt: Set<String>
        let undecodedPatterns: Set<String>
        let undecodedKatas: Set<String>

        init(catalogue: Catalogue, undecodedPatterns: Set<String>, undecodedKatas: Set<String>) {
            self.undecodedPatterns = undecodedPatterns
            self.undecodedKatas = undecodedKatas
            self.catalogue = catalogue
            patternIDs = Set(catalogue.patterns.map(\.id))
            categoryIDs = Set(catalogue.categories.map(\.id))
            groupIDs = Set(catalogue.groups.map(\.id))
            problemIDs = Set(catalogue.problems.map(\.id))
            patternsPointedAt = Set(catalogue.patterns.flatMap { $0.related.map(\.id) })
            katasByID = Dictionary(catalogue.katas.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        }

        func isKnownPattern(_ id: String) -> Bool {
            patternIDs.contains(id) || undecodedPatterns.contains(id)
        }

        func check(_ pattern: Pattern) -> [Diagnostic] {
            let source = pattern.source
            var found = CatalogueValidator.fileNameCheck(id: pattern.id, source: source)
            if !categoryIDs.contains(pattern.category) {
                found.append(unknown("category", pattern.category, at: source.location(of: "category"), among: categoryIDs))
            }
            if let group = pattern.group, !groupIDs.contains(group) {
                found.append(unknown("group", group, at: source.location(of: "group"), among: groupIDs))
            }
            for problem in pattern.problems where !problemIDs.contains(problem) {
                found.append(unknown("problem", problem, at: source.location(of: "problems"), among: problemIDs))
            }
            found += checkEdges(pattern)
            found += checkTier(pattern)
            found += checkKata(pattern)
            return found
        }

        func checkEdges(_ pattern: Pattern) -> [Diagnostic] {
            var found: [Diagnostic] = []
            var seen: Set<String> = []
            for edge in pattern.related {
                if edge.id == pattern.id {
                    found.append(.error(at: edge.location, "pattern '\(pattern.id)' cannot be related to itself"))
                } else if !isKnownPattern(edge.id) {
                    found.append(unknown("pattern", edge.id, at: edge.location, among: patternIDs))
                }
                if !seen.insert("\(edge.id) \(edge.relation.rawValue)").inserted {
                    found.append(.error(at: edge.location, "duplicate related edge '\(edge.id)' (\(edge.relation.rawValue))"))
                }
            }
            for alternative in pattern.modernAlternatives {
                if alternative.id == pattern.id {
                    found.append(.error(at: alternative.location, "pattern '\(pattern.id)' cannot be its own modern alternative"))
                } else if !isKnownPattern(alternative.id) {
                    found.append(unknown("pattern", alternative.id, at: alternative.location, among: patternIDs))
                }
            }
            // An edge written on the other page counts: the site shows it on both.
            if pattern.related.isEmpty && !patternsPointedAt.contains(pattern.id) {
                found.append(.warning(at: pattern.source.location(of: "id"), "pattern '\(pattern.id)' has no related patterns"))
            }
            return found
        }

        func checkTier(_ pattern: Pattern) -> [Diagnostic] {
            let at = pattern.source.location(of: "tier")
            var found: [Diagnostic] = []
            switch pattern.tier {
            case .gold:
                if pattern.knownUses.isEmpty {
                    found.append(.error(at: at, "gold pattern '\(pattern.id)' needs 'known_uses' (real systems that use it)"))
                }
                if pattern.checklist.isEmpty {
                    found.append(.error(at: at, "gold pattern '\(pattern.id)' needs 'checklist' (the production checklist)"))
                }
            case .bronze:
                if pattern.modernAlternatives.isEmpty {
                    found.append(.error(at: at, "bronze pattern '\(pattern.id)' needs 'modern_alternatives' (patterns to use instead)"))
                }
            case .silver:
                break
            }
            return found
        }

        func checkKata(_ pattern: Pattern) -> [Diagnostic] {
            // No kata yet is not an unfinished page: the site labels it "kata coming", and
            // `wip` stays free to mean that the page itself is unfinished.
            guard let kataID = pattern.kata else { return [] }
            let at = pattern.source.location(of: "kata")
            guard let kata = katasByID[kataID] else {
                if undecodedKatas.contains(kataID) { return [] }
                return [unknown("kata", kataID, at: at, among: Set(katasByID.keys))]
            }
            if kata.pattern != pattern.id {
                return [.error(at: at, "kata '\(kataID)' belongs to pattern '\(kata.pattern)', not '\(pattern.id)'")]
            }
            return []
        }
    }

    // MARK: Shared rules

    static func fileNameCheck(id: String, source: SourceFile) -> [Diagnostic] {
        let fileName = source.path.split(separator: "/").last.map(String.init) ?? ""
        let stem = fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName
        guard id != stem else { return [] }
        return [.error(at: source.location(of: "id"), "id '\(id)' must equal the file name '\(stem)'")]
    }

    /// The second and later uses of an id, each pointing back at the first.
    static func duplicates(_ ids: [(String, SourceLocation)], kind: String) -> [Diagnostic] {
        var first: [String: SourceLocation] = [:]
        var found: [Diagnostic] = []
        for (id, location) in ids {
            if let earlier = first[id] {
                found.append(.error(at: location, "duplicate \(kind) id '\(id)' (first at \(earlier))"))
            } else {
                first[id] = location
            }
        }
        return found
    }

    static func unknown(_ kind: String, _ id: String, at location: SourceLocation, among known: Set<String>) -> Diagnostic {
        let suggestion = Suggestions.closest(to: id, in: known.sorted()).map { " (did you mean '\($0)'?)" } ?? ""
        return .error(at: location, "unknown \(kind) '\(id)'\(suggestion)")
    }

    static func unusedTerms(_ catalogue: Catalogue) -> [Diagnostic] {
        let usedCategories = Set(catalogue.patterns.map(\.category))
        let usedGroups = Set(catalogue.patterns.compactMap(\.group))
        var found: [Diagnostic] = []
        for term in catalogue.categories where !usedCategories.contains(term.id) {
            found.append(.warning(at: term.location, "category '\(term.id)' is not used by any pattern"))
        }
        for term in catalogue.groups where !usedGroups.contains(term.id) {
            found.append(.warning(at: term.location, "group '\(term.id)' is not used by any pattern"))
        }
        let patternsPerProblem = Dictionary(grouping: catalogue.patterns.flatMap(\.problems), by: { $0 }).mapValues(\.count)
        for problem in catalogue.problems {
            switch patternsPerProblem[problem.id] ?? 0 {
            case 0: found.append(.warning(at: problem.location, "problem '\(problem.id)' is not used by any pattern"))
            case 1: found.append(.warning(at: problem.location, "problem '\(problem.id)' has only one pattern (offer at least two ways to solve it)"))
            default: break
            }
        }
        return found
    }
}

extension String {
    var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
