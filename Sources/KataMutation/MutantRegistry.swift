import PatternsKatas

/// Hands out ids and switch indices to mutation points as the renderer meets them.
///
/// The id is `<declaration>/<operator>/<n>`: the n-th mutant of that operator inside that
/// declaration, counted in source order. It survives edits elsewhere in the file, which line
/// numbers would not, so kata.yml can name an equivalent mutant by it.
final class MutantRegistry {
    struct Entry {
        var id: String
        var index: Int
        var file: String
        var line: Int
        var column: Int
        var description: String
    }

    private(set) var entries: [Entry] = []
    /// Hand-written mutants folded in; they share the switch's indices with the generated ones.
    private(set) var folded: [Entry] = []
    private var ordinals: [String: Int] = [:]
    private let excluding: Set<String>

    init(excluding: Set<String>) {
        self.excluding = excluding
    }

    /// The switch index for a new mutant, or nil when it is excluded (it still takes its ordinal,
    /// so the ids of the others do not move).
    func register(declaration: String, _ op: MutationOperator, file: String, line: Int, column: Int,
                  description: String) -> Int? {
        let key = "\(declaration)/\(op.rawValue)"
        let ordinal = ordinals[key, default: 0] + 1
        ordinals[key] = ordinal
        let id = "\(key)/\(ordinal)"
        guard !excluding.contains(id) else { return nil }
        let index = nextIndex
        entries.append(Entry(id: id, index: index, file: file, line: line, column: column, description: description))
        return index
    }

    /// The switch index for a hand-written mutant, by its kata.yml id; nil when excluded.
    func registerHandWritten(id: String, file: String, line: Int, column: Int) -> Int? {
        guard !excluding.contains(id) else { return nil }
        let index = nextIndex
        folded.append(Entry(id: id, index: index, file: file, line: line, column: column, description: "hand-written mutant \(id)"))
        return index
    }

    private var nextIndex: Int { entries.count + folded.count + 1 }
}
