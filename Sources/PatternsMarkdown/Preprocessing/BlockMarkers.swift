/// `!!! type "Title"` (MkDocs Material admonition) or `??? type "Title"` / `???+ …`
/// (collapsible, `+` = initially open). Extra words after the type become extra classes.
struct AdmonitionMarker {
    enum Style: Equatable {
        case box
        case collapsible(initiallyOpen: Bool)
    }

    let indentation: Int
    let style: Style
    let type: String
    let extraClasses: [String]
    /// nil when the author asked for no title with `""` (boxes only: a `<details>` always
    /// needs a `<summary>`).
    let title: String?

    static func parse(_ line: String) -> AdmonitionMarker? {
        let content = line.drop { $0 == " " || $0 == "\t" }
        let style: Style
        let rest: Substring
        if content.hasPrefix("!!!") {
            style = .box
            rest = content.dropFirst(3)
        } else if content.hasPrefix("???+") {
            style = .collapsible(initiallyOpen: true)
            rest = content.dropFirst(4)
        } else if content.hasPrefix("???") {
            style = .collapsible(initiallyOpen: false)
            rest = content.dropFirst(3)
        } else {
            return nil
        }
        guard rest.first == " " || rest.first == "\t" else { return nil }
        guard let (words, quotedTitle) = splitWordsAndTitle(rest) else { return nil }
        guard let type = words.first, words.allSatisfy(isClassName) else { return nil }
        let defaultTitle = type.prefix(1).uppercased() + type.dropFirst()
        let title: String?
        switch (quotedTitle, style) {
        case (nil, _): title = defaultTitle
        case ("", .box): title = nil
        case ("", .collapsible): title = defaultTitle
        case (let written?, _): title = written
        }
        return AdmonitionMarker(
            indentation: Indentation.width(of: line),
            style: style,
            type: type,
            extraClasses: Array(words.dropFirst()),
            title: title
        )
    }

    private static func isClassName(_ word: String) -> Bool {
        !word.isEmpty && word.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }

    /// `note extra "Title"` → (["note", "extra"], "Title"); nil when a quote is left open.
    private static func splitWordsAndTitle(_ text: Substring) -> ([String], String?)? {
        let trimmed = text.trimmingWhitespace()
        guard let firstQuote = trimmed.firstIndex(of: "\"") else {
            return (trimmed.split(whereSeparator: \.isWhitespace).map(String.init), nil)
        }
        guard trimmed.last == "\"", trimmed.index(before: trimmed.endIndex) > firstQuote else { return nil }
        let words = trimmed[..<firstQuote].split(whereSeparator: \.isWhitespace).map(String.init)
        let title = trimmed[trimmed.index(after: firstQuote)..<trimmed.index(before: trimmed.endIndex)]
        return (words, String(title))
    }
}

/// `=== "Title"` opens a content tab; `===+` marks the initially selected tab and `===!`
/// forces a new tab group even right after another one.
struct TabMarker {
    let indentation: Int
    let title: String
    let isSelected: Bool
    let startsNewGroup: Bool

    static func parse(_ line: String) -> TabMarker? {
        let content = line.drop { $0 == " " || $0 == "\t" }
        guard content.hasPrefix("===") else { return nil }
        var rest = content.dropFirst(3)
        var isSelected = false
        var startsNewGroup = false
        if rest.first == "+" {
            isSelected = true
            rest = rest.dropFirst()
        } else if rest.first == "!" {
            startsNewGroup = true
            rest = rest.dropFirst()
        }
        guard rest.first == " " || rest.first == "\t" else { return nil }
        let quoted = rest.trimmingWhitespace()
        guard quoted.count >= 2, quoted.first == "\"", quoted.last == "\"" else { return nil }
        return TabMarker(
            indentation: Indentation.width(of: line),
            title: String(quoted.dropFirst().dropLast()),
            isSelected: isSelected,
            startsNewGroup: startsNewGroup
        )
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        let start = drop { $0.isWhitespace }
        var end = start.endIndex
        while end > start.startIndex, start[start.index(before: end)].isWhitespace {
            end = start.index(before: end)
        }
        return start[start.startIndex..<end]
    }
}
