/// The two front-matter syntaxes, told apart by their fence line.
public enum FrontMatterFormat: String, Sendable {
    /// Between `---` lines.
    case yaml
    /// Between `+++` lines.
    case toml

    var fence: String { self == .yaml ? "---" : "+++" }
}

/// A content file cut into its front matter and its Markdown body.
public struct SplitFrontMatter: Hashable, Sendable {
    public var format: FrontMatterFormat
    /// The text between the fences, without them.
    public var frontMatter: String
    /// The 1-based file line of the front matter's first line (the line after the opening fence).
    public var frontMatterStartLine: Int
    public var body: String
    /// The 1-based file line on which `body` starts.
    public var bodyStartLine: Int
}

public enum FrontMatterSplitter {
    /// Splits `text` (the file at `path`) at its fences; a file without front matter is an error,
    /// because every page's metadata lives there.
    public static func split(_ text: String, path: String) -> Result<SplitFrontMatter, Diagnostic> {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        let top = SourceLocation(file: path, line: 1, column: 1)
        guard let first = lines.first,
              let format = [FrontMatterFormat.yaml, .toml].first(where: { isFence(first, $0) })
        else {
            return .failure(.error(at: top, "missing front matter (start the file with a '---' or '+++' line)"))
        }
        guard let closing = lines.indices.dropFirst().first(where: { isFence(lines[$0], format) }) else {
            return .failure(.error(at: top, "unterminated front matter (no closing '\(format.fence)' line)"))
        }
        let frontMatter = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return .success(SplitFrontMatter(
            format: format, frontMatter: frontMatter, frontMatterStartLine: 2,
            body: body, bodyStartLine: closing + 2
        ))
    }

    /// A fence may carry trailing spaces, which editors often leave behind.
    private static func isFence(_ line: Substring, _ format: FrontMatterFormat) -> Bool {
        line.hasPrefix(format.fence) && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
