import PatternsContent

/// How well one kata's tests kill its generated mutants: killed / (generated − equivalent).
public struct MutationScore: Hashable, Sendable {
    public var kataID: String
    /// Mutant id → killed (some test failed, crashed or hung).
    public var outcomes: [String: Bool]
    /// Generated mutants that did not compile, left out of the count.
    public var stillborn: Int
    public var equivalent: [Kata.EquivalentMutant]
    public var descriptions: [String: String]
    /// False when the schemata did not build or its tests never ran: then nothing was killed.
    public var ran: Bool

    public static let gate = 0.9

    public var generated: Int { outcomes.count }
    private var equivalentIDs: Set<String> { Set(equivalent.map(\.id)) }
    public var counted: [String] { outcomes.keys.filter { !equivalentIDs.contains($0) }.sorted() }
    public var killed: Int { counted.filter { outcomes[$0] == true }.count }
    public var survivors: [String] { counted.filter { outcomes[$0] == false } }
    /// 1 when nothing is left to kill.
    public var score: Double { counted.isEmpty ? 1 : Double(killed) / Double(counted.count) }
    public var passesGate: Bool { ran && score >= Self.gate }
    /// What fails the run: a schemata that never ran, or a low score.
    public var failsGate: Bool { !passesGate }

    /// Listed as equivalent, yet some test kills it (so it is not), or no longer generated at all.
    public var wrongEquivalents: [(Kata.EquivalentMutant, String)] {
        guard ran else { return [] }
        return equivalent.compactMap { entry in
            switch outcomes[entry.id] {
            case .none: (entry, "is not a generated mutant (any more); remove it or fix its id")
            case .some(true): (entry, "is killed by the tests, so it is not equivalent; remove it")
            case .some(false): nil
            }
        }
    }

    public var percent: String { "\(Int((score * 100).rounded(.down))) %" }

    /// What to fix, one entry per line of the report: each survivor, each wrong equivalent.
    /// Each survivor with where it is and what it changes: errors below the gate, and notes
    /// (what a test could still catch) above it.
    public var survivorLines: [String] {
        survivors.map { "\(kataID): generated mutant '\($0)' survived: \(descriptions[$0] ?? "")" }
    }

    public var problems: [String] {
        var found: [String] = []
        if !ran { found.append("\(kataID): the generated mutants did not run (see the schemata's errors above)") }
        if ran && !passesGate {
            found.append("\(kataID): mutation score \(percent) is below \(Int(Self.gate * 100)) %; kill these with a test, or list a truly equivalent one under equivalent_mutants: with a reason")
        }
        if !passesGate { found += survivorLines }
        for (entry, why) in wrongEquivalents {
            found.append("\(entry.location): equivalent mutant '\(entry.id)' \(why)")
        }
        return found
    }
}

/// The table `make test` prints: one row per kata, stub honesty and mutation score side by side.
public enum MutationTable {
    public struct Row: Sendable {
        public var kataID: String
        /// Tests passing on the untouched stub, of all; nil when the stub did not run.
        public var stubPassing: VariantVerdict.TestCounts?
        /// Hand-written mutants caught, and their number.
        public var handWrittenCaught: Int
        public var handWritten: Int
        public var score: MutationScore?
    }

    public static func rows(_ katas: [Kata], _ verdicts: [VariantVerdict], _ scores: [MutationScore]) -> [Row] {
        katas.map { kata in
            let mine = verdicts.filter { $0.variant.kataID == kata.id }
            let stub = mine.first { $0.variant.kind == .stub }?.counts
            let hand = mine.filter { VerifyTable.isMutant($0.variant) }
            return Row(kataID: kata.id, stubPassing: stub, handWrittenCaught: hand.filter(\.ok).count, handWritten: hand.count,
                       score: scores.first { $0.kataID == kata.id })
        }
    }

    public static func render(_ rows: [Row]) -> [String] {
        let header = ["kata", "stub passes", "hand-written", "generated", "equivalent", "not compiled", "killed", "score", "gate"]
        let body = rows.map { row -> [String] in
            let stub = row.stubPassing.map { "\($0.passed)/\($0.total)" } ?? "–"
            let hand = "\(row.handWrittenCaught)/\(row.handWritten)"
            guard let score = row.score else { return [row.kataID, stub, hand, "–", "–", "–", "–", "–", "–"] }
            let stubHonest = row.stubPassing?.passed == 0
            let gate = !stubHonest || score.failsGate ? "FAIL" : "ok"
            return [row.kataID, stub, hand, "\(score.generated)", "\(score.equivalent.count)", "\(score.stillborn)",
                    "\(score.killed)/\(score.counted.count)", score.percent, gate]
        }
        let all = [header] + body
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { cells in
            cells.enumerated().map { column, cell in
                column == 0 ? cell.padding(widths[column]) : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  ")
        }
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
