@testable import PatternsMarkdown

/// Renders with a resolver that knows `saga.md` (anchors `solution`, `forces`) and rewrites
/// its links to `../saga/`.
func render(_ markdown: String) -> RenderedMarkdown {
    MarkdownRenderer().render(markdown) { destination in
        let (path, fragment) = LinkChecker.splitFragment(destination)
        guard path == "saga.md" || path == "../patterns/saga.md" else { return .missingPage(path) }
        if let fragment, !["solution", "forces"].contains(fragment) { return .missingAnchor("#\(fragment)") }
        return .rewritten("../saga/" + (fragment.map { "#\($0)" } ?? ""))
    }
}

extension String {
    func occurrences(of needle: String) -> Int {
        components(separatedBy: needle).count - 1
    }

    func components(separatedBy separator: String) -> [Substring] {
        var parts: [Substring] = []
        var rest = self[...]
        while let range = rest.range(of: separator) {
            parts.append(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
        }
        parts.append(rest)
        return parts
    }
}
