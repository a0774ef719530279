/// One step into a TOML document: a table key or an array index.
enum TOMLPathComponent: Hashable {
    case key(String)
    case index(Int)
}

/// Where a TOML key and its value were written. TOMLKit's values carry no positions, so the
/// source text is scanned for them separately; the scan assumes the text already parsed.
struct TOMLPositions {
    struct Position {
        var key: SourceLocation?
        var value: SourceLocation
    }

    private(set) var byPath: [[TOMLPathComponent]: Position] = [:]

    init(scanning text: String, path: String, firstLine: Int) {
        var scanner = Scanner(chars: Array(text), path: path, line: firstLine)
        scanner.scanDocument()
        byPath = scanner.positions
    }

    subscript(path: [TOMLPathComponent]) -> Position? { byPath[path] }

    private struct Scanner {
        let chars: [Character]
        let path: String
        var line: Int
        var column = 1
        var index = 0
        var positions: [[TOMLPathComponent]: Position] = [:]
        /// How many `[[name]]` headers were seen so far, by resolved path.
        var arrayTableCounts: [[TOMLPathComponent]: Int] = [:]

        init(chars: [Character], path: String, line: Int) {
            self.chars = chars
            self.path = path
            self.line = line
        }

        var current: Character? { index < chars.count ? chars[index] : nil }
        var here: SourceLocation { SourceLocation(file: path, line: line, column: column) }

        mutating func advance() {
            guard let c = current else { return }
            index += 1
            if c == "\n" { line += 1; column = 1 } else { column += 1 }
        }

        mutating func skipBlanks(newlines: Bool) {
            while let c = current {
                if c == " " || c == "\t" || c == "\r" || (newlines && c == "\n") {
                    advance()
                } else if c == "#" {
                    while let c = current, c != "\n" { advance() }
                } else {
                    return
                }
            }
        }

        mutating func scanDocument() {
            var table: [TOMLPathComponent] = []
            while true {
                skipBlanks(newlines: true)
                guard let c = current else { return }
                if c == "[" {
                    table = scanHeader()
                } else {
                    scanKeyValue(in: table)
                }
                while let c = current, c != "\n" { advance() }
            }
        }

        /// `[a.b]` or `[[a.b]]`; returns the path that following keys belong to.
        mutating func scanHeader() -> [TOMLPathComponent] {
            let start = here
            advance()
            let isArray = current == "["
            if isArray { advance() }
            skipBlanks(newlines: false)
            let keys = scanDottedKey().map(\.name)
            while let c = current, c != "]" { advance() }
            advance()
            if isArray { advance() }
            var resolved = resolve(keys.dropLast())
            resolved.append(.key(keys.last ?? ""))
            if isArray {
                let count = (arrayTableCounts[resolved] ?? 0)
                arrayTableCounts[resolved] = count + 1
                if positions[resolved] == nil { positions[resolved] = Position(key: start, value: start) }
                resolved.append(.index(count))
            }
            positions[resolved] = Position(key: start, value: start)
            return resolved
        }

        /// Maps header names to a path, stepping into the latest element of arrays of tables.
        func resolve(_ keys: some Sequence<String>) -> [TOMLPathComponent] {
            var path: [TOMLPathComponent] = []
            for key in keys {
                path.append(.key(key))
                if let count = arrayTableCounts[path] { path.append(.index(count - 1)) }
            }
            return path
        }

        mutating func scanKeyValue(in table: [TOMLPathComponent]) {
            let keys = scanDottedKey()
            skipBlanks(newlines: false)
            guard current == "=" else { return }
            advance()
            skipBlanks(newlines: false)
            var path = table
            for key in keys.dropLast() {
                path.append(.key(key.name))
                if positions[path] == nil { positions[path] = Position(key: key.location, value: key.location) }
            }
            guard let last = keys.last else { return }
            path.append(.key(last.name))
            scanValue(at: path, key: last.location)
        }

        mutating func scanDottedKey() -> [(name: String, location: SourceLocation)] {
            var keys: [(String, SourceLocation)] = []
            while let c = current, c != "=", c != "]", c != "\n" {
                skipBlanks(newlines: false)
                let location = here
                var name = ""
                if let quote = current, quote == "\"" || quote == "'" {
                    advance()
                    while let c = current, c != quote, c != "\n" {
                        if quote == "\"" && c == "\\" { advance() }
                        if let c = current { name.append(c) }
                        advance()
                    }
                    advance()
                } else {
                    while let c = current, c.isLetter || c.isNumber || c == "-" || c == "_" {
                        name.append(c)
                        advance()
                    }
                }
                keys.append((name, location))
                skipBlanks(newlines: false)
                if current == "." { advance() } else { break }
            }
            return keys
        }

        mutating func scanValue(at path: [TOMLPathComponent], key: SourceLocation?) {
            positions[path] = Position(key: key, value: here)
            switch current {
            case "[":
                advance()
                var element = 0
                while true {
                    skipBlanks(newlines: true)
                    guard let c = current, c != "]" else { break }
                    let start = index
                    scanValue(at: path + [.index(element)], key: nil)
                    element += 1
                    skipBlanks(newlines: true)
                    if current == "," { advance() }
                    // Text TOMLKit accepted always moves the scan on; anything else must not loop.
                    if index == start { advance() }
                }
                advance()
            case "{":
                advance()
                while true {
                    skipBlanks(newlines: false)
                    guard let c = current, c != "}", c != "\n" else { break }
                    let start = index
                    scanKeyValue(in: path)
                    skipBlanks(newlines: false)
                    if current == "," { advance() }
                    if index == start { advance() }
                }
                advance()
            case "\"", "'":
                scanString()
            default:
                while let c = current, !",]}\n#".contains(c) { advance() }
            }
        }

        mutating func scanString() {
            guard let quote = current else { return }
            let isTriple = index + 2 < chars.count && chars[index + 1] == quote && chars[index + 2] == quote
            let delimiterLength = isTriple ? 3 : 1
            for _ in 0..<delimiterLength { advance() }
            while let c = current {
                if quote == "\"" && c == "\\" { advance(); advance(); continue }
                if c == quote && (!isTriple || (index + 2 < chars.count && chars[index + 1] == quote && chars[index + 2] == quote)) {
                    for _ in 0..<delimiterLength { advance() }
                    // A triple-quoted string may end with up to two extra quotes.
                    while isTriple, current == quote { advance() }
                    return
                }
                if !isTriple && c == "\n" { return }
                advance()
            }
        }
    }
}
