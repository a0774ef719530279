/// One piece of raw HTML as a browser's tokenizer would split it (WHATWG HTML §13.2.5, the
/// states that matter for hand-written markup: data, tag open, tag name, attributes, comment).
enum HTMLToken: Equatable {
    case text(String)
    case startTag(name: String, attributes: [HTMLAttribute], selfClosing: Bool)
    case endTag(name: String)
    case comment(String)
    /// `<!DOCTYPE …>`, `<?…>`, `<![CDATA[…]]>` and unterminated markup: never kept.
    case other(String)
}

struct HTMLAttribute: Equatable {
    /// As written: SVG's `viewBox` keeps its case. Browsers match names case-insensitively.
    var name: String
    var key: String { name.lowercased() }
    /// With character references decoded, so `java&#115;cript:` is seen as what it is.
    var value: String
}

enum HTMLTokenizer {
    static func tokenize(_ html: String) -> [HTMLToken] {
        var scanner = Scanner(scalars: Array(html.unicodeScalars))
        var tokens: [HTMLToken] = []
        while let token = scanner.next() { tokens.append(token) }
        return tokens
    }

    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var index = 0

        func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }

        func text(_ range: Range<Int>) -> String {
            var result = String.UnicodeScalarView()
            result.append(contentsOf: scalars[range])
            return String(result)
        }

        func startsWith(_ prefix: String) -> Bool {
            let wanted = Array(prefix.unicodeScalars)
            guard index + wanted.count <= scalars.count else { return false }
            return zip(scalars[index...], wanted).allSatisfy { $0.properties.lowercaseMapping == String($1) }
        }

        static func isSpace(_ scalar: Unicode.Scalar) -> Bool { " \t\n\r\u{0C}".unicodeScalars.contains(scalar) }
        static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
        }

        mutating func next() -> HTMLToken? {
            guard let first = peek() else { return nil }
            let start = index
            guard first == "<" else {
                while let c = peek(), c != "<" { index += 1 }
                return .text(text(start..<index))
            }
            if startsWith("<!--") { return comment(from: start) }
            if let second = peek(1), second == "!" || second == "?" {
                while let c = peek(), c != ">" { index += 1 }
                index = min(index + 1, scalars.count)
                return .other(text(start..<index))
            }
            if peek(1) == "/", let letter = peek(2), Self.isLetter(letter) {
                index += 2
                let name = tagName()
                while let c = peek(), c != ">" { index += 1 }
                guard peek() == ">" else { return .other(text(start..<index)) }
                index += 1
                return .endTag(name: name)
            }
            if let letter = peek(1), Self.isLetter(letter) {
                index += 1
                return startTag(from: start)
            }
            // A `<` that starts no tag is text (`a < b`).
            index += 1
            return .text("<")
        }

        mutating func comment(from start: Int) -> HTMLToken {
            index += 4
            let bodyStart = index
            while index < scalars.count, !startsWith("-->") { index += 1 }
            guard index < scalars.count else { return .other(text(start..<index)) }
            let body = text(bodyStart..<index)
            index += 3
            return .comment(body)
        }

        mutating func tagName() -> String {
            let start = index
            while let c = peek(), !Self.isSpace(c), c != "/", c != ">" { index += 1 }
            return text(start..<index).lowercased()
        }

        mutating func startTag(from start: Int) -> HTMLToken {
            let name = tagName()
            var attributes: [HTMLAttribute] = []
            var selfClosing = false
            while true {
                while let c = peek(), Self.isSpace(c) { index += 1 }
                guard let c = peek() else { return .other(text(start..<index)) }
                if c == ">" { index += 1; break }
                if c == "/" {
                    index += 1
                    if peek() == ">" { selfClosing = true }
                    continue
                }
                let nameStart = index
                index += 1  // a leading `=` belongs to the name (§13.2.5.32)
                while let c = peek(), !Self.isSpace(c), c != "/", c != ">", c != "=" { index += 1 }
                let attributeName = text(nameStart..<index)
                while let c = peek(), Self.isSpace(c) { index += 1 }
                var value = ""
                if peek() == "=" {
                    index += 1
                    while let c = peek(), Self.isSpace(c) { index += 1 }
                    value = CharacterReferences.decode(attributeValue())
                }
                // The first of repeated attributes wins, as in browsers.
                if !attributes.contains(where: { $0.key == attributeName.lowercased() }) {
                    attributes.append(HTMLAttribute(name: attributeName, value: value))
                }
            }
            return .startTag(name: name, attributes: attributes, selfClosing: selfClosing)
        }

        mutating func attributeValue() -> String {
            if let quote = peek(), quote == "\"" || quote == "'" {
                index += 1
                let start = index
                while let c = peek(), c != quote { index += 1 }
                let value = text(start..<index)
                index = min(index + 1, scalars.count)
                return value
            }
            let start = index
            while let c = peek(), !Self.isSpace(c), c != ">" { index += 1 }
            return text(start..<index)
        }
    }
}

/// Decodes numeric character references and the named ones that can disguise a URL scheme.
/// Anything else is left as written (and so escaped, shown literally, when re-serialised).
enum CharacterReferences {
    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "tab": "\t",
        "newline": "\n", "sol": "/", "period": ".", "lpar": "(", "rpar": ")", "nbsp": "\u{A0}",
    ]

    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            rest = rest[rest.index(after: ampersand)...]
            let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "#" }
            var consumed = name.count
            var replacement: String?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
            } else if name.hasPrefix("#") {
                replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
            } else {
                replacement = named[name.lowercased()]
            }
            if replacement != nil, rest.dropFirst(consumed).first == ";" { consumed += 1 }
            if let replacement {
                result += replacement
                rest = rest.dropFirst(consumed)
            } else {
                result += "&"
            }
        }
        return result + rest
    }
}
