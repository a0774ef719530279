

/// Hands out a kata's hints one at a time, gentle first.
public enum HintBook {
    /// The lines to show and the new number of hints seen.
    public static func next(_ kata: KataInfo, seen: Int) -> (lines: [String], seen: Int) {
        let total = kata.hints.count
        guard total > 0 else { return (["\(kata.id) has no hints."], seen) }
        guard seen < total else {
            return (["You have seen all \(total) hints for \(kata.id). `--all` shows them again."], seen)
        }
        return ([format(kata, index: seen)], seen + 1)
    }

    /// Every hint seen so far, without revealing a new one.
    public static func seenSoFar(_ kata: KataInfo, seen: Int) -> [String] {
        let shown = min(seen, kata.hints.count)
        guard shown > 0 else { return ["No hints seen yet for \(kata.id). `swift run kata hint \(kata.id)` shows the first."] }
        return (0..<shown).map { format(kata, index: $0) }
    }

    static func format(_ kata: KataInfo, index: Int) -> String {
        "Hint \(index + 1) of \(kata.hints.count): \(kata.hints[index].trimmingWhitespace)"
    }
}

extension String {
    var trimmingWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
