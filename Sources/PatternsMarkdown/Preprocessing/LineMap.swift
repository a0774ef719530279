/// One line handed to cmark, remembering where its text came from in the author's body.
struct MappedLine {
    var text: String
    /// 1-based line in the original body.
    var originalLine: Int
    /// Add to a 1-based byte column of `text` to get the byte column in the original line
    /// (positive when indentation was removed).
    var columnShift: Int

    /// A line the preprocessor wrote (e.g. `<div class="admonition">`), attributed to the
    /// marker line it replaces.
    static func synthetic(_ text: String, from originalLine: Int) -> MappedLine {
        MappedLine(text: text, originalLine: originalLine, columnShift: 0)
    }
}

/// The preprocessed text and the way back to the author's positions.
struct LineMap {
    let originalLines: [String]
    let lines: [MappedLine]

    /// Splits a body into lines (`\n` or `\r\n`) that map to themselves.
    static func identity(of body: String) -> [MappedLine] {
        splitLines(body).enumerated().map { index, text in
            MappedLine(text: text, originalLine: index + 1, columnShift: 0)
        }
    }

    static func splitLines(_ body: String) -> [String] {
        // "\r\n" is one Character in Swift, so it must be named as a separator of its own.
        var lines = body.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.map(String.init)
        // A final newline ends the last line rather than starting an empty one.
        if lines.count > 1, lines.last == "" { lines.removeLast() }
        return lines
    }

    /// What cmark parses.
    var text: String {
        lines.map(\.text).joined(separator: "\n") + "\n"
    }

    /// Maps a cmark position (1-based line, 1-based byte column in the preprocessed text) to
    /// the body: 1-based line and 1-based character column.
    func originalPosition(line: Int, byteColumn: Int) -> (line: Int, column: Int) {
        guard line >= 1, line <= lines.count else { return (max(line, 1), max(byteColumn, 1)) }
        let mapped = lines[line - 1]
        let originalByteColumn = max(byteColumn + mapped.columnShift, 1)
        guard mapped.originalLine >= 1, mapped.originalLine <= originalLines.count else {
            return (mapped.originalLine, originalByteColumn)
        }
        let original = originalLines[mapped.originalLine - 1].utf8
        let prefixLength = min(originalByteColumn - 1, original.count)
        let prefixEnd = original.index(original.startIndex, offsetBy: prefixLength)
        let prefix = Substring(originalLines[mapped.originalLine - 1].utf8[..<prefixEnd])
        return (mapped.originalLine, prefix.count + 1)
    }
}

/// Leading-whitespace arithmetic, with tabs stopping every four columns as in CommonMark.
enum Indentation {
    static func isBlank(_ line: String) -> Bool {
        line.allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// Width in columns of the leading spaces and tabs.
    static func width(of line: String) -> Int {
        leadingWhitespace(of: line).columns
    }

    private static func leadingWhitespace(of line: String) -> (columns: Int, bytes: Int) {
        var columns = 0
        var bytes = 0
        for byte in line.utf8 {
            if byte == UInt8(ascii: " ") {
                columns += 1
            } else if byte == UInt8(ascii: "\t") {
                columns += 4 - columns % 4
            } else {
                break
            }
            bytes += 1
        }
        return (columns, bytes)
    }

    /// Removes `count` columns of indentation from a line indented at least that much; the
    /// remaining indentation is rewritten as spaces. Returns the new line and the column shift
    /// for its `MappedLine`.
    static func removing(_ count: Int, from line: MappedLine) -> MappedLine {
        if isBlank(line.text) {
            return MappedLine(text: "", originalLine: line.originalLine, columnShift: 0)
        }
        let (columns, bytes) = leadingWhitespace(of: line.text)
        let kept = max(columns - count, 0)
        let rest = line.text.utf8.dropFirst(bytes)
        let text = String(repeating: " ", count: kept) + String(Substring(rest))
        return MappedLine(text: text, originalLine: line.originalLine, columnShift: line.columnShift + bytes - kept)
    }
}
