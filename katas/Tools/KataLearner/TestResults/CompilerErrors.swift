/// Picks the compiler's errors out of `swift build` output, which is mostly progress lines.
public enum CompilerErrors {
    /// One `path:line:col: error: message` diagnostic with the source lines the compiler quoted.
    public struct Entry: Hashable, Sendable {
        public var path: String
        public var line: String
        /// The quoted source and caret lines that follow, if any.
        public var context: [String]

        public init(path: String, line: String, context: [String]) {
            self.path = path
            self.line = line
            self.context = context
        }
    }

    public static func extract(from output: String) -> [Entry] {
        var entries: [Entry] = []
        var seen: Set<String> = []
        var current: Entry?
        for raw in output.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            if let path = errorPath(line) {
                if let done = current { entries.append(done) }
                // The same error is often printed twice (once per compile job); keep it once.
                current = seen.insert(line).inserted ? Entry(path: path, line: line, context: []) : nil
            } else if isQuotedSource(line), current != nil {
                current?.context.append(line)
            } else if let done = current {
                entries.append(done)
                current = nil
            }
        }
        if let done = current { entries.append(done) }
        return entries
    }

    /// The path of `path:line:col: error: …`, or nil for other lines.
    public static func errorPath(_ line: String) -> String? {
        guard let range = line.range(of: ": error: ") else { return nil }
        let head = line[..<range.lowerBound].split(separator: ":")
        guard head.count >= 3, Int(head[head.count - 1]) != nil, Int(head[head.count - 2]) != nil else {
            return nil
        }
        return head.dropLast(2).joined(separator: ":")
    }

    /// The compiler quotes source as ` 12 |     code` and carets as `    |     ^`.
    private static func isQuotedSource(_ line: String) -> Bool {
        let trimmed = line.drop { $0 == " " || $0.isNumber }
        return trimmed.hasPrefix("|") || trimmed.hasPrefix("`-")
    }
}
