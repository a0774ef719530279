/// Follows fenced code blocks line by line so the preprocessors never rewrite code.
///
/// Deliberately lenient about the opening fence's indentation (a fence inside a list item can
/// sit deeper than three spaces): treating a rare indented-code line as a fence only means
/// fewer rewrites, never a rewrite inside code.
struct FenceTracker {
    private struct OpenFence {
        let character: Character
        let length: Int
        let indentation: Int
    }

    private var open: OpenFence?

    var isInsideFence: Bool { open != nil }

    /// Feeds the next line; returns true when the line belongs to a fence (opening, content
    /// or closing) and must be passed through untouched.
    mutating func consume(_ line: String) -> Bool {
        let indentation = Indentation.width(of: line)
        let content = line.drop { $0 == " " || $0 == "\t" }
        if let fence = open {
            let run = content.prefix { $0 == fence.character }.count
            let isClosing = run >= fence.length
                && indentation <= fence.indentation + 3
                && content.dropFirst(run).allSatisfy { $0 == " " || $0 == "\t" }
            if isClosing { open = nil }
            return true
        }
        guard let first = content.first, first == "`" || first == "~" else { return false }
        let run = content.prefix { $0 == first }.count
        guard run >= 3 else { return false }
        // A backtick fence's info string may not contain backticks (else it is inline code).
        if first == "`", content.dropFirst(run).contains("`") { return false }
        open = OpenFence(character: first, length: run, indentation: indentation)
        return true
    }
}
