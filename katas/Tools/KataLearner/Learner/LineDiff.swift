/// A line diff (longest common subsequence), printed like `diff -u` without hunk headers:
/// `-` your line, `+` the reference's, with up to `context` unchanged lines around each change.
public enum LineDiff {
    public static func lines(from mine: String, to reference: String, context: Int = 2) -> [String] {
        let a = mine.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = reference.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let edits = script(a, b)
        guard edits.contains(where: { $0.kind != " " }) else { return [] }
        let changed = edits.indices.filter { edits[$0].kind != " " }
        var shown: [String] = []
        var lastShown = -1
        for index in edits.indices {
            let near = changed.contains { abs($0 - index) <= context }
            guard near else { continue }
            if lastShown >= 0 && index > lastShown + 1 { shown.append("…") }
            shown.append("\(edits[index].kind) \(edits[index].text)")
            lastShown = index
        }
        return shown
    }

    struct Edit {
        var kind: Character
        var text: String
    }

    static func script(_ a: [String], _ b: [String]) -> [Edit] {
        // lengths[i][j]: LCS length of a[i...] and b[j...]. Kata files are small; O(n·m) is fine.
        var lengths = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var edits: [Edit] = []
        var (i, j) = (0, 0)
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                edits.append(Edit(kind: " ", text: a[i])); i += 1; j += 1
            } else if i < a.count, j == b.count || lengths[i + 1][j] >= lengths[i][j + 1] {
                edits.append(Edit(kind: "-", text: a[i])); i += 1
            } else {
                edits.append(Edit(kind: "+", text: b[j])); j += 1
            }
        }
        return edits
    }
}
