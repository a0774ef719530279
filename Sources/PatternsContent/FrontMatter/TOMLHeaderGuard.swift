/// toml++ (the parser inside TOMLKit) fails an internal assertion, aborting the whole process,
/// on a table header whose first key starts with a character no key can start with (`[%]`,
/// `[[+]]`), where it should report a syntax error. `make fuzz` found it; such headers are
/// refused here, before TOMLKit sees the text.
enum TOMLHeaderGuard {
    static func check(_ toml: String, path: String, firstLine: Int) -> Diagnostic? {
        var scanner = Scanner()
        for (offset, line) in toml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let column = scanner.badHeaderColumn(in: Array(line)) {
                return .error(
                    at: SourceLocation(file: path, line: firstLine + offset, column: column),
                    "invalid TOML: a table header must start with a key (letters, digits, '_', '-', or a quoted name)"
                )
            }
        }
        return nil
    }

    /// Tracks what spans lines — multi-line strings and open arrays or inline tables — so that
    /// only a `[` that starts a line at the top level is read as a header.
    private struct Scanner {
        var openMultilineString: Character?
        var depth = 0

        mutating func badHeaderColumn(in line: [Character]) -> Int? {
            var index = 0
            if openMultilineString == nil && depth == 0 {
                while index < line.count, line[index] == " " || line[index] == "\t" { index += 1 }
                if index < line.count, line[index] == "[" {
                    while index < line.count, line[index] == "[" { index += 1 }
                    while index < line.count, line[index] == " " || line[index] == "\t" { index += 1 }
                    guard index < line.count else { return nil }
                    let first = line[index]
                    let startsKey = first.isASCII && (first.isLetter || first.isNumber || first == "_" || first == "-")
                    return startsKey || first == "\"" || first == "'" || first == "]" ? nil : index + 1
                }
            }
            scanValues(line, from: index)
            return nil
        }

        private mutating func scanValues(_ line: [Character], from start: Int) {
            var index = start
            while index < line.count {
                let character = line[index]
                if let quote = openMultilineString {
                    if character == "\\" && quote == "\"" { index += 2; continue }
                    if isTriple(quote, in: line, at: index) { openMultilineString = nil; index += 3; continue }
                    index += 1
                    continue
                }
                switch character {
                case "#": return
                case "\"", "'":
                    if isTriple(character, in: line, at: index) {
                        openMultilineString = character
                        index += 3
                    } else {
                        index = endOfString(character, in: line, from: index + 1)
                    }
                    continue
                case "[", "{": depth += 1
                case "]", "}": depth = max(0, depth - 1)
                default: break
                }
                index += 1
            }
        }

        private func isTriple(_ quote: Character, in line: [Character], at index: Int) -> Bool {
            index + 2 < line.count && line[index] == quote && line[index + 1] == quote && line[index + 2] == quote
        }

        private func endOfString(_ quote: Character, in line: [Character], from start: Int) -> Int {
            var index = start
            while index < line.count {
                if line[index] == "\\" && quote == "\"" { index += 2; continue }
                if line[index] == quote { return index + 1 }
                index += 1
            }
            return index
        }
    }
}
