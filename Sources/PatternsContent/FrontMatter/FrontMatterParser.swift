/// A content page parsed: its front matter as a tree, and the file it came from.
public struct ParsedPage: Sendable {
    public var frontMatter: FrontMatterValue
    /// Body, body start line and the locations of the top-level keys.
    public var source: SourceFile
}

/// The one entry point from text to `FrontMatterValue`, whichever syntax the author chose.
public enum FrontMatterParser {
    /// Parses YAML or TOML text that starts on file line `firstLine` of `path`
    /// (1 for a whole data file such as `categories.yml`).
    public static func parse(
        _ text: String, format: FrontMatterFormat, path: String, firstLine: Int = 1
    ) -> Result<FrontMatterValue, Diagnostic> {
        let parsed = switch format {
        case .yaml: YAMLFrontMatterParser.parse(text, path: path, firstLine: firstLine)
        case .toml: TOMLFrontMatterParser.parse(text, path: path, firstLine: firstLine)
        }
        return parsed.flatMap { root in
            FrontMatterLimits.check(root).map { .failure($0) } ?? .success(root)
        }
    }

    /// Splits a Markdown page at its fences and parses the front matter.
    public static func parsePage(_ text: String, path: String) -> Result<ParsedPage, Diagnostic> {
        let split: SplitFrontMatter
        switch FrontMatterSplitter.split(text, path: path) {
        case .success(let value): split = value
        case .failure(let diagnostic): return .failure(diagnostic)
        }
        return parse(split.frontMatter, format: split.format, path: path, firstLine: split.frontMatterStartLine)
            .map { root in
                ParsedPage(
                    frontMatter: root,
                    source: SourceFile(
                        path: path, body: split.body, bodyStartLine: split.bodyStartLine,
                        keyLocations: root.topLevelKeyLocations
                    )
                )
            }
    }
}

extension FrontMatterValue {
    /// The location of each key of a table (the first, if a key is repeated); empty otherwise.
    public var topLevelKeyLocations: [String: SourceLocation] {
        guard case .table(let entries, _) = self else { return [:] }
        var locations: [String: SourceLocation] = [:]
        for entry in entries where locations[entry.key] == nil { locations[entry.key] = entry.keyLocation }
        return locations
    }

    /// How a value's kind reads in an error message: "found a list".
    public var kindDescription: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .double: "a number"
        case .bool: "a boolean"
        case .date: "a date"
        case .array: "a list"
        case .table: "a table"
        case .null: "nothing"
        }
    }
}
