/// What TOML text must not hold before TOMLKit sees it, found in one pass over its lines:
/// - control characters, raw or as `\u0000`-style escapes: TOMLKit hands strings over as C
///   strings, so a NUL would silently cut a value short (and a raw one the text itself);
/// - a table header whose first key starts with a character no key can start with (`[%]`,
///   `[[+]]`): toml++ (the parser inside TOMLKit) fails an internal assertion on it, aborting the
///   whole process, where it should report a syntax error. `make fuzz` found both.
enum TOMLPreflight {
    static func check(_ toml: String, path: String, firstLine: Int) -> Diagnostic? {
        var scanner = Scanner()
        for (offset, text) in toml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = Array(text)
            func at(_ column: Int) -> SourceLocation { SourceLocation(file: path, line: firstLine + offset, column: column) }
            if let (column, message) = controlCharacter(in: line) { return .error(at: at(column), message) }
            if let column = scanner.badHeaderColumn(in: line) {
                return .error(at: at(column), "invalid TOML: a table header must start with a key (letters, digits, '_', '-', or a quoted name)")
            }
        }
        return nil
    }

    /// The column of the first control character of a line, raw or escaped, and what to say.
    private static func controlCharacter(in line: [Character]) -> (Int, String)? {
        var index = 0
        while index < line.count {
            let character = line[index]
            if character == "\\", index + 1 < line.count {
                let kind = line[index + 1]
                let width = kind == "u" ? 4 : kind == "U" ? 8 : 0
                if width > 0, index + 2 + width <= line.count,
                   let value = UInt32(String(line[(index + 2)..<(index + 2 + width)]), radix: 16),
                   (value < 0x20 && value != 0x09 && value != 0x0A) || value == 0x7F {
                    return (index + 1, "control character escape '\(String(line[index..<(index + 2 + width)]))'; remove it")
                }
                // Skip the escaped character, so `\\u0000` (a backslash, then text) is not one.
                index += 2
                continue
            }
            // TOML allows no control character but tab outside a newline.
            if let scalar = character.unicodeScalars.first, character != "\t", scalar.value < 0x20 || scalar.value == 0x7F {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                return (index + 1, "control character U+\(String(repeating: "0", count: 4 - hex.count) + hex); remove it")
            }
            index += 1
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
