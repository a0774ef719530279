

/// Finds the kata a learner named, suggesting the closest id when it is mistyped.
public enum KataLookup {
    public struct Unknown: Error, CustomStringConvertible {
        public var id: String
        public var suggestion: String?
        public var known: [String]

        public var description: String {
            let guess = suggestion.map { " Did you mean '\($0)'?" } ?? ""
            return "unknown kata '\(id)'.\(guess) Known katas: \(known.joined(separator: ", "))"
        }
    }

    public static func find(_ id: String, in katas: [KataInfo]) -> Result<KataInfo, Unknown> {
        if let kata = katas.first(where: { $0.id == id }) { return .success(kata) }
        let ids = katas.map(\.id)
        let closest = ids.min { distance(id, $0) < distance(id, $1) }
        // Only suggest what is plausibly a typo, not any id at all.
        let suggestion = closest.flatMap { distance(id, $0) <= max(2, $0.count / 3) ? $0 : nil }
        return .failure(Unknown(id: id, suggestion: suggestion, known: ids))
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
