import CCmarkGFM

/// Checks and rewrites the links of one document: relative `.md` links go through the
/// site's resolver, same-page `#fragment` links are checked against the page's own anchors.
struct LinkChecker {
    let pageAnchors: Set<String>
    let lineMap: LineMap
    let resolveLink: (String) -> LinkResolution

    func check(_ document: CmarkDocument) -> [MarkdownProblem] {
        var problems: [MarkdownProblem] = []
        for link in document.root.subtree where link.type == CMARK_NODE_LINK {
            guard let destination = link.url, let message = check(link, destination: destination) else { continue }
            let position = lineMap.originalPosition(line: link.startLine, byteColumn: link.startColumn)
            problems.append(MarkdownProblem(line: position.line, column: position.column, message: message))
        }
        return problems
    }

    /// Rewrites the link if asked to; returns a problem message when the target is missing.
    private func check(_ link: CmarkNode, destination: String) -> String? {
        if destination.hasPrefix("#") {
            let fragment = String(destination.dropFirst())
            // `#` and `#top` scroll to the top of the page by definition (HTML spec).
            if fragment.isEmpty || fragment.lowercased() == "top" { return nil }
            if pageAnchors.contains(fragment) || pageAnchors.contains(Self.percentDecoded(fragment)) { return nil }
            return "link to missing anchor '#\(fragment)' on this page"
        }
        guard Self.isRelativeMarkdownLink(destination) else { return nil }
        switch resolveLink(destination) {
        case .rewritten(let url):
            link.url = url
            return nil
        case .unchanged:
            return nil
        case .missingPage(let detail):
            let (path, _) = Self.splitFragment(destination)
            return Self.message("link to missing page '\(path)'", detail: detail)
        case .missingAnchor(let detail):
            let (path, fragment) = Self.splitFragment(destination)
            return Self.message("link to missing anchor '#\(fragment ?? "")' in '\(path)'", detail: detail)
        }
    }

    /// The resolver's detail is appended unless it only repeats what the message says.
    private static func message(_ base: String, detail: String) -> String {
        let trimmed = String(Substring(detail).trimmingWhitespace())
        let unquoted = trimmed.trimmingQuotes
        if unquoted.isEmpty || base.contains(unquoted) { return base }
        return "\(base): \(trimmed)"
    }

    /// No scheme, not site-absolute, not a fragment, and the path (before `?`/`#`) ends in `.md`.
    static func isRelativeMarkdownLink(_ destination: String) -> Bool {
        if destination.hasPrefix("/") || destination.hasPrefix("#") || hasScheme(destination) { return false }
        let path = destination.prefix { $0 != "#" && $0 != "?" }
        return path.lowercased().hasSuffix(".md")
    }

    /// `scheme:` as in RFC 3986: a letter, then letters, digits, `+`, `-` or `.`, then `:`.
    private static func hasScheme(_ destination: String) -> Bool {
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    static func splitFragment(_ destination: String) -> (path: String, fragment: String?) {
        guard let hash = destination.firstIndex(of: "#") else { return (destination, nil) }
        return (String(destination[..<hash]), String(destination[destination.index(after: hash)...]))
    }

    static func percentDecoded(_ text: String) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
               let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

private extension String {
    var trimmingQuotes: String {
        var text = Substring(self)
        while let first = text.first, first == "'" || first == "\"" { text = text.dropFirst() }
        while let last = text.last, last == "'" || last == "\"" { text = text.dropLast() }
        return String(text)
    }
}
