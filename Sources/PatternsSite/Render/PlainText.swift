import Foundation

/// The words of rendered HTML, for reading time and the search index.
enum PlainText {
    /// Tags removed, the common entities decoded, whitespace collapsed.
    static func of(html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            switch character {
            case "<": inTag = true; text.append(" ")
            case ">" where inTag: inTag = false
            default: if !inTag { text.append(character) }
            }
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Lower-cased runs of letters and digits.
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}

/// Minutes to read a page at 220 words a minute (a common figure for technical prose), at least one.
enum ReadingTime {
    static func minutes(html: String) -> Int {
        max(1, (PlainText.words(PlainText.of(html: html)).count + 219) / 220)
    }
}
