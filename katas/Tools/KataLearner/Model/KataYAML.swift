/// A reader for the small part of YAML that `kata.yml` uses for what a learner sees: top-level
/// `key: scalar` and `key:` followed by a list of scalars. Nested values it does not need
/// (`mutants:`) are skipped, not parsed. Kept tiny on purpose: the katas package builds with the
/// toolchain alone, and `patterns check` validates every kata.yml with a full YAML parser
/// (a test holds the two readers to the same answers on the real files).
public enum KataYAML {
    public enum Value: Hashable, Sendable {
        case scalar(String)
        case list([String])
    }

    public struct Document: Sendable {
        public var values: [String: Value] = [:]
        /// The line of each key, for errors.
        public var lines: [String: Int] = [:]
    }

    public struct Failure: Error, CustomStringConvertible, Equatable {
        public var path: String
        public var line: Int
        public var column: Int
        public var expected: String
        public var description: String { "\(path):\(line):\(column): expected \(expected)" }

        public init(path: String, line: Int, column: Int, expected: String) {
            self.path = path
            self.line = line
            self.column = column
            self.expected = expected
        }
    }

    public static func parse(_ text: String, path: String) throws -> Document {
        var document = Document()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let number = index + 1
            index += 1
            if isBlankOrComment(line) || line.first == " " || line.hasPrefix("-") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw Failure(path: path, line: number, column: 1, expected: "'key: value'")
            }
            let key = String(line[..<colon])
            let rest = String(line[line.index(after: colon)...])
            document.lines[key] = number
            if !stripComment(rest).isEmpty {
                document.values[key] = .scalar(try scalar(rest, path: path, line: number, column: colon.utf16Offset(in: line) + 2))
                continue
            }
            // A block: a list of scalars, or something nested this reader skips.
            var block: [(number: Int, text: String)] = []
            while index < lines.count, isBlankOrComment(lines[index]) || lines[index].first == " " || lines[index].hasPrefix("- ") {
                block.append((index + 1, lines[index]))
                index += 1
            }
            if let items = try list(block, path: path) { document.values[key] = .list(items) }
        }
        return document
    }

    /// The items of a block of `- scalar` lines, or nil when the block is nested (a list of maps).
    private static func list(_ block: [(number: Int, text: String)], path: String) throws -> [String]? {
        let content = block.filter { !isBlankOrComment($0.text) }
        guard let first = content.first else { return [] }
        let indent = first.text.prefix { $0 == " " }.count
        var items: [String] = []
        for (number, text) in content {
            let trimmed = String(text.drop { $0 == " " })
            let leading = text.count - trimmed.count
            if leading == indent, trimmed.hasPrefix("- ") {
                let item = String(trimmed.dropFirst(2))
                if isMapping(item) { return nil }
                items.append(try scalar(item, path: path, line: number, column: leading + 3))
            } else if leading > indent, let last = items.popLast() {
                // A plain scalar folded over several lines.
                items.append(last + " " + stripComment(trimmed))
            } else {
                return nil
            }
        }
        return items
    }

    private static func isMapping(_ item: String) -> Bool {
        !item.hasPrefix("\"") && !item.hasPrefix("'") && (item.contains(": ") || item.hasSuffix(":"))
    }

    private static func isBlankOrComment(_ line: String) -> Bool {
        let trimmed = line.drop { $0 == " " }
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }

    /// A plain scalar ends at ` #`.
    private static func stripComment(_ text: String) -> String {
        var result = text
        if let range = result.range(of: " #") { result = String(result[..<range.lowerBound]) }
        return result.trimmingWhitespace
    }

    static func scalar(_ raw: String, path: String, line: Int, column: Int) throws -> String {
        let text = raw.trimmingWhitespace
        if text.hasPrefix("\"") { return try doubleQuoted(text, path: path, line: line, column: column) }
        if text.hasPrefix("'") {
            guard text.count >= 2, text.hasSuffix("'") else {
                throw Failure(path: path, line: line, column: column, expected: "a closing ' on the same line")
            }
            return String(text.dropFirst().dropLast()).replacingAll("''", with: "'")
        }
        if text.hasPrefix("|") || text.hasPrefix(">") || text.hasPrefix("[") || text.hasPrefix("{") {
            throw Failure(path: path, line: line, column: column, expected: "a one-line string (plain or quoted)")
        }
        return stripComment(text)
    }

    private static func doubleQuoted(_ text: String, path: String, line: Int, column: Int) throws -> String {
        var result = ""
        var escaped = false
        for character in text.dropFirst() {
            if escaped {
                switch character {
                case "n": result.append("\n")
                case "t": result.append("\t")
                default: result.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                return result
            } else {
                result.append(character)
            }
        }
        throw Failure(path: path, line: line, column: column, expected: "a closing \" on the same line")
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
