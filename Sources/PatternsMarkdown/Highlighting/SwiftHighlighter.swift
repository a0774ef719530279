/// A small Swift lexer for build-time highlighting. It only needs to be right about token
/// boundaries (strings, comments) so that colours never bleed; everything is HTML-escaped.
///
/// Spans emitted (class names for the CSS):
/// - `hl-keyword`: declaration/statement/expression keywords and `#if`-style directives
/// - `hl-type`: identifiers starting with an uppercase letter
/// - `hl-function`: the name after `func`
/// - `hl-attribute`: `@MainActor`, `@Sendable`, `@escaping`…
/// - `hl-string`: string literals, including `"""` and raw `#"…"#` strings; an interpolation
///   `\( … )` closes the string span, its code is highlighted normally, and the `)` reopens it
/// - `hl-number`: integer and floating-point literals (hex, binary, octal, `_` separators)
/// - `hl-comment`: `//`, `///`, and nested `/* … */`
/// - `hl-operator`: runs of operator characters (a lone `.` is left plain)
struct SwiftHighlighter {
    static func highlight(_ code: String) -> String {
        var highlighter = SwiftHighlighter(source: Array(code.utf8))
        highlighter.highlightCode(untilUnbalancedParenthesis: false)
        return String(decoding: highlighter.output, as: UTF8.self)
    }

    static let keywords: Set<String> = [
        "actor", "any", "as", "associatedtype", "async", "await", "borrowing", "break", "case", "catch",
        "class", "consume", "consuming", "continue", "convenience", "default", "defer", "deinit", "didSet",
        "do", "dynamic", "else", "enum", "extension", "fallthrough", "false", "fileprivate", "final", "for",
        "func", "get", "guard", "if", "import", "in", "indirect", "init", "inout", "internal", "is",
        "isolated", "lazy", "let", "macro", "mutating", "nil", "nonisolated", "nonmutating", "open",
        "operator", "override", "package", "precedencegroup", "private", "protocol", "public", "repeat",
        "required", "rethrows", "return", "self", "Self", "sending", "set", "some", "static", "struct",
        "subscript", "super", "switch", "throw", "throws", "true", "try", "typealias", "unowned", "var",
        "weak", "where", "while", "willSet", "Any",
    ]

    /// Keywords only in some positions; used as names they are left plain (see `isKeyword`).
    static let contextualKeywords: Set<String> = [
        "actor", "any", "async", "borrowing", "consume", "consuming", "convenience", "didSet", "dynamic",
        "final", "get", "indirect", "isolated", "lazy", "macro", "mutating", "nonisolated", "nonmutating",
        "open", "override", "package", "required", "sending", "set", "some", "unowned", "weak", "willSet",
    ]

    private let source: [UInt8]
    private var position = 0
    private var output: [UInt8] = []
    /// Set after `func`, so the next name is a function name.
    private var expectsFunctionName = false

    private init(source: [UInt8]) {
        self.source = source
        output.reserveCapacity(source.count * 2)
    }

    // MARK: Code

    /// Highlights code until the input ends or, inside an interpolation, until the `)` that
    /// closes it (left unconsumed for the string lexer).
    private mutating func highlightCode(untilUnbalancedParenthesis: Bool) {
        var depth = 0
        while let byte = peek() {
            switch byte {
            case ascii("("):
                depth += 1
                emitPlain(1)
            case ascii(")"):
                if untilUnbalancedParenthesis, depth == 0 { return }
                depth -= 1
                emitPlain(1)
            case ascii("/") where peek(1) == ascii("/"):
                lineComment()
            case ascii("/") where peek(1) == ascii("*"):
                blockComment()
            case ascii("\""):
                stringLiteral(hashes: 0)
            case ascii("#"):
                hashPrefixed()
            case ascii("@") where peek(1).map(isIdentifierStart) == true:
                let end = identifierEnd(from: position + 1)
                emit(span: "hl-attribute", to: end)
            case ascii("0")...ascii("9"):
                number()
            case ascii("`"):
                backtickIdentifier()
            case _ where isIdentifierStart(byte) || byte == ascii("$"):
                identifier()
            case _ where isOperatorCharacter(byte):
                operatorRun()
            default:
                emitPlain(1)
            }
        }
    }

    private mutating func identifier() {
        let end = identifierEnd(from: position + 1)
        let word = String(decoding: source[position..<end], as: UTF8.self)
        if expectsFunctionName {
            expectsFunctionName = false
            emit(span: "hl-function", to: end)
        } else if isKeyword(word, endingAt: end) {
            emit(span: "hl-keyword", to: end)
            expectsFunctionName = word == "func"
        } else if let first = word.first, first.isUppercase {
            emit(span: "hl-type", to: end)
        } else {
            emitPlain(end - position)
        }
    }

    /// After a `.` a word is a member (`.default`, `.open`), except `.init`/`.self`; a contextual
    /// keyword followed by `(`, `:`, `,`, `)`, `]`, `=` or `.` is a name (`case open(until:)`).
    private func isKeyword(_ word: String, endingAt end: Int) -> Bool {
        guard Self.keywords.contains(word) else { return false }
        if position > 0, source[position - 1] == ascii("."), word != "init", word != "self" { return false }
        guard Self.contextualKeywords.contains(word) else { return true }
        var next = end
        while next < source.count, source[next] == ascii(" ") || source[next] == ascii("\t") { next += 1 }
        guard next < source.count else { return true }
        return !"(:,)]=.".utf8.contains(source[next])
    }

    /// `` `default` `` is an ordinary identifier, whatever it spells.
    private mutating func backtickIdentifier() {
        var end = position + 1
        while end < source.count, source[end] != ascii("`"), source[end] != ascii("\n") { end += 1 }
        if end < source.count, source[end] == ascii("`") { end += 1 }
        expectsFunctionName = false
        emitPlain(end - position)
    }

    /// `#"raw"#`, `#if`/`#available` directives, or a lone `#`.
    private mutating func hashPrefixed() {
        var end = position
        while end < source.count, source[end] == ascii("#") { end += 1 }
        if end < source.count, source[end] == ascii("\"") {
            stringLiteral(hashes: end - position)
        } else if end == position + 1, end < source.count, isIdentifierStart(source[end]) {
            emit(span: "hl-keyword", to: identifierEnd(from: end))
        } else {
            emitPlain(end - position)
        }
    }

    private mutating func number() {
        var end = position + 1
        let isHexadecimal = peek(1) == ascii("x")
        while end < source.count {
            let byte = source[end]
            let previous = source[end - 1]
            if isIdentifierCharacter(byte) {
                end += 1
            } else if byte == ascii("."), end + 1 < source.count, isDigit(source[end + 1]) {
                end += 1  // `1.5`, but not `1...5` or `x.0.description`
            } else if byte == ascii("+") || byte == ascii("-"),
                      isHexadecimal ? (previous | 0x20) == ascii("p") : (previous | 0x20) == ascii("e"),
                      end + 1 < source.count, isDigit(source[end + 1]) {
                end += 1
            } else {
                break
            }
        }
        expectsFunctionName = false
        emit(span: "hl-number", to: end)
    }

    private mutating func operatorRun() {
        var end = position
        while end < source.count, isOperatorCharacter(source[end]) {
            // A comment starting right after an operator (`x =// note`) is still a comment.
            if source[end] == ascii("/"), end + 1 < source.count, source[end + 1] == ascii("/") || source[end + 1] == ascii("*") { break }
            end += 1
        }
        if end == position + 1, source[position] == ascii(".") {
            emitPlain(1)
        } else if expectsFunctionName {
            expectsFunctionName = false
            emit(span: "hl-function", to: end)  // `func ==`
        } else {
            emit(span: "hl-operator", to: end)
        }
    }

    // MARK: Comments

    private mutating func lineComment() {
        var end = position
        while end < source.count, source[end] != ascii("\n") { end += 1 }
        emit(span: "hl-comment", to: end)
    }

    /// Swift block comments nest: `/* a /* b */ c */` is one comment.
    private mutating func blockComment() {
        var end = position + 2
        var depth = 1
        while end < source.count, depth > 0 {
            if source[end] == ascii("/"), end + 1 < source.count, source[end + 1] == ascii("*") {
                depth += 1
                end += 2
            } else if source[end] == ascii("*"), end + 1 < source.count, source[end + 1] == ascii("/") {
                depth -= 1
                end += 2
            } else {
                end += 1
            }
        }
        emit(span: "hl-comment", to: end)
    }

    // MARK: Strings

    /// A string literal starting at `position` with `hashes` leading `#`s (raw string).
    private mutating func stringLiteral(hashes: Int) {
        expectsFunctionName = false
        let delimiterHashes = [UInt8](repeating: ascii("#"), count: hashes)
        let isMultiline = matches([ascii("\""), ascii("\""), ascii("\"")], at: position + hashes)
        let quote: [UInt8] = isMultiline ? [ascii("\""), ascii("\""), ascii("\"")] : [ascii("\"")]
        let closing = quote + delimiterHashes
        let escape = [ascii("\\")] + delimiterHashes

        openSpan("hl-string")
        emitEscaped(hashes + quote.count)
        while position < source.count {
            if matches(closing, at: position) {
                emitEscaped(closing.count)
                break
            }
            if !isMultiline, source[position] == ascii("\n") {
                break  // unterminated: stop colouring at the end of the line
            }
            if matches(escape, at: position) {
                let afterEscape = position + escape.count
                if afterEscape < source.count, source[afterEscape] == ascii("(") {
                    emitEscaped(escape.count + 1)
                    closeSpan()
                    highlightCode(untilUnbalancedParenthesis: true)
                    openSpan("hl-string")
                    if peek() == ascii(")") { emitEscaped(1) }
                } else {
                    emitEscaped(min(escape.count + 1, source.count - position))
                }
                continue
            }
            emitEscaped(1)
        }
        closeSpan()
    }

    // MARK: Output

    private mutating func emit(span cssClass: String, to end: Int) {
        openSpan(cssClass)
        emitEscaped(end - position)
        closeSpan()
    }

    private mutating func emitPlain(_ count: Int) {
        if count > 0, position < source.count, !isWhitespace(source[position]) { expectsFunctionName = false }
        emitEscaped(count)
    }

    private mutating func openSpan(_ cssClass: String) {
        output += Array("<span class=\"\(cssClass)\">".utf8)
    }

    private mutating func closeSpan() {
        output += Array("</span>".utf8)
    }

    /// Copies `count` source bytes to the output, escaping HTML, and advances.
    private mutating func emitEscaped(_ count: Int) {
        let end = min(position + count, source.count)
        for byte in source[position..<end] {
            switch byte {
            case ascii("&"): output += Array("&amp;".utf8)
            case ascii("<"): output += Array("&lt;".utf8)
            case ascii(">"): output += Array("&gt;".utf8)
            case ascii("\""): output += Array("&quot;".utf8)
            default: output.append(byte)
            }
        }
        position = end
    }

    // MARK: Character classes

    private func peek(_ offset: Int = 0) -> UInt8? {
        position + offset < source.count ? source[position + offset] : nil
    }

    private func matches(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index + bytes.count <= source.count else { return false }
        return source[index..<(index + bytes.count)].elementsEqual(bytes)
    }

    private func identifierEnd(from start: Int) -> Int {
        var end = start
        while end < source.count, isIdentifierCharacter(source[end]) { end += 1 }
        return end
    }

    /// Bytes ≥ 0x80 belong to non-ASCII identifier characters (operators are all ASCII here).
    private func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= ascii("a") && byte <= ascii("z")) || (byte >= ascii("A") && byte <= ascii("Z")) || byte == ascii("_") || byte >= 0x80
    }

    private func isIdentifierCharacter(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || isDigit(byte) || byte == ascii("$")
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= ascii("0") && byte <= ascii("9")
    }

    private func isWhitespace(_ byte: UInt8) -> Bool {
        byte == ascii(" ") || byte == ascii("\t") || byte == ascii("\n") || byte == ascii("\r")
    }

    private func isOperatorCharacter(_ byte: UInt8) -> Bool {
        "+-*/%=<>!&|^~?.".utf8.contains(byte)
    }
}

private func ascii(_ scalar: Unicode.Scalar) -> UInt8 {
    UInt8(ascii: scalar)
}
