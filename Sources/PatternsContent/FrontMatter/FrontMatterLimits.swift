/// Rules every parsed front matter must meet, whichever syntax it was written in: text that
/// pages, feeds and sitemaps can carry, and a bounded shape.
enum FrontMatterLimits {
    /// Deepest nesting of lists and tables accepted (documented in docs/content-format.md).
    static let maximumDepth = 16

    static func check(_ value: FrontMatterValue) -> Diagnostic? {
        check(value, depth: 0)
    }

    private static func check(_ value: FrontMatterValue, depth: Int) -> Diagnostic? {
        if depth > maximumDepth {
            return .error(at: value.location, "front matter nested more than \(maximumDepth) levels deep")
        }
        switch value {
        case .string(let text, let location), .date(let text, let location):
            return controlCharacter(in: text, at: location)
        case .array(let items, _):
            for item in items { if let found = check(item, depth: depth + 1) { return found } }
        case .table(let entries, _):
            for entry in entries {
                if let found = controlCharacter(in: entry.key, at: entry.keyLocation) { return found }
                if let found = check(entry.value, depth: depth + 1) { return found }
            }
        case .integer, .double, .bool, .null:
            break
        }
        return nil
    }

    /// NUL and the other C0 controls (tab and newline aside) and DEL: invisible, and not
    /// allowed in XML, so one in a title would make atom.xml unreadable.
    private static func controlCharacter(in text: String, at location: SourceLocation) -> Diagnostic? {
        for (offset, scalar) in text.unicodeScalars.enumerated()
        where (scalar.value < 0x20 && scalar != "\t" && scalar != "\n") || scalar.value == 0x7F {
            let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
            return .error(at: location, "control character \(code) at character \(offset + 1) of this text; remove it")
        }
        return nil
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
