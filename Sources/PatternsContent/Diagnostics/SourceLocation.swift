/// Where something is in a content file: 1-based line and column, as editors count them.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Path relative to the project root, e.g. `content/patterns/retry.md`.
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
