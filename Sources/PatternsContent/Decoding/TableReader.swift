/// Collects the diagnostics of one decoding run, shared by a reader and the readers of its sub-tables.
final class DiagnosticSink {
    private(set) var diagnostics: [Diagnostic] = []

    func error(at location: SourceLocation, _ message: String) {
        diagnostics.append(.error(at: location, message))
    }
}

/// Reads typed values out of one front-matter table, reporting every problem instead of stopping
/// at the first, and remembering which keys it was asked for so the rest can be reported as unknown.
///
/// Each accessor returns nil (or an empty list) when the value is missing or invalid, after
/// reporting why; decoders then build their model only if the sink stayed clean.
final class TableReader {
    let entries: [(key: String, keyLocation: SourceLocation, value: FrontMatterValue)]
    /// Where a missing key is reported: the opening fence for a page, the table itself otherwise.
    let missingKeyLocation: SourceLocation
    let sink: DiagnosticSink
    private var knownKeys: [String] = []

    /// Nil (after reporting) if `value` is not a table.
    init?(_ value: FrontMatterValue, name: String, missingKeyLocation: SourceLocation? = nil, sink: DiagnosticSink) {
        guard case .table(let entries, let location) = value else {
            sink.error(at: value.location, "expected a table for '\(name)', found \(value.kindDescription)")
            return nil
        }
        self.entries = entries
        self.missingKeyLocation = missingKeyLocation ?? location
        self.sink = sink
    }

    /// The reader of a page's front matter, where a missing key is reported at the opening fence.
    static func frontMatter(of page: ParsedPage, sink: DiagnosticSink) -> TableReader? {
        let top = SourceLocation(file: page.source.path, line: 1, column: 1)
        return TableReader(page.frontMatter, name: "front matter", missingKeyLocation: top, sink: sink)
    }

    var file: String { missingKeyLocation.file }

    // MARK: Raw access

    /// The value of `key`, registering the key as known. Null counts as absent.
    func value(_ key: String, required: Bool = false) -> FrontMatterValue? {
        if !knownKeys.contains(key) { knownKeys.append(key) }
        guard let entry = entries.first(where: { $0.key == key }) else {
            if required { sink.error(at: missingKeyLocation, "missing required key '\(key)'") }
            return nil
        }
        if case .null = entry.value {
            if required { sink.error(at: entry.value.location, "expected a value for '\(key)', found nothing") }
            return nil
        }
        return entry.value
    }

    func keyLocation(_ key: String) -> SourceLocation? {
        entries.first(where: { $0.key == key })?.keyLocation
    }

    private func mismatch(_ expected: String, _ key: String, _ value: FrontMatterValue) {
        sink.error(at: value.location, "expected \(expected) for '\(key)', found \(value.kindDescription)")
    }

    // MARK: Scalars

    /// `allowBlank` is for text where empty is meaningful (a mutant that deletes its `replace`).
    func string(_ key: String, required: Bool = false, allowBlank: Bool = false) -> String? {
        guard let value = value(key, required: required),
              let text = Self.string(value, for: key, sink: sink) else { return nil }
        return allowBlank ? text : Self.nonBlank(text, for: key, at: value.location, sink: sink)
    }

    static func string(_ value: FrontMatterValue, for key: String, sink: DiagnosticSink) -> String? {
        guard case .string(let text, _) = value else {
            // In YAML, an unquoted `Check: the thing` becomes a one-entry table, not text.
            let hint = if case .table = value { " (put text that contains ': ' in quotes)" } else { "" }
            sink.error(at: value.location, "expected a string for '\(key)', found \(value.kindDescription)\(hint)")
            return nil
        }
        return text
    }

    /// Blank text under a key would publish an empty title, link or heading; leaving the key
    /// out says that honestly. (Lists check their blank items where the rule is stated.)
    private static func nonBlank(_ text: String, for key: String, at location: SourceLocation, sink: DiagnosticSink) -> String? {
        guard text.contains(where: { !$0.isWhitespace }) else {
            sink.error(at: location, "'\(key)' is empty; write its text or leave the key out")
            return nil
        }
        return text
    }

    /// A string and where its value was written.
    func locatedString(_ key: String, required: Bool = false) -> (String, SourceLocation)? {
        guard let value = value(key, required: required),
              let text = Self.string(value, for: key, sink: sink),
              let nonBlank = Self.nonBlank(text, for: key, at: value.location, sink: sink) else { return nil }
        return (nonBlank, value.location)
    }

    func int(_ key: String, required: Bool = false) -> Int? {
        guard let value = value(key, required: required) else { return nil }
        guard case .integer(let number, _) = value else { mismatch("an integer", key, value); return nil }
        return number
    }

    func bool(_ key: String, required: Bool = false) -> Bool? {
        guard let value = value(key, required: required) else { return nil }
        guard case .bool(let flag, _) = value else { mismatch("a boolean", key, value); return nil }
        return flag
    }

    /// A `YYYY-MM-DD` date, unquoted (a date value) or quoted (a string that reads as one).
    func date(_ key: String, required: Bool = false) -> ContentDate? {
        guard let value = value(key, required: required) else { return nil }
        switch value {
        case .date(let text, let location), .string(let text, let location):
            guard let date = ContentDate(iso: text) else {
                sink.error(at: location, "invalid date '\(text)' for '\(key)' (expected YYYY-MM-DD)")
                return nil
            }
            return date
        default:
            mismatch("a date", key, value)
            return nil
        }
    }

    func slug(_ key: String, required: Bool = false) -> String? {
        locatedSlug(key, required: required)?.0
    }

    func locatedSlug(_ key: String, required: Bool = false) -> (String, SourceLocation)? {
        guard let value = value(key, required: required), let text = Self.slugText(value, for: key, sink: sink) else {
            return nil
        }
        return Self.checkSlug(text, for: key, at: value.location, sink: sink) ? (text, value.location) : nil
    }

    /// Slugs may be all digits (a `429` tag), which YAML reads as a number unless quoted;
    /// accepting those spares authors a quoting rule they would only learn from an error.
    static func slugText(_ value: FrontMatterValue, for key: String, sink: DiagnosticSink) -> String? {
        if case .integer(let number, _) = value, number >= 0 { return String(number) }
        return string(value, for: key, sink: sink)
    }

    static func checkSlug(_ text: String, for key: String, at location: SourceLocation, sink: DiagnosticSink) -> Bool {
        guard Slug.isValid(text) else {
            sink.error(at: location, "invalid id '\(text)' for '\(key)' (expected lowercase letters, digits and single hyphens)")
            return false
        }
        return true
    }

    /// One of a closed vocabulary; `noun` names it in messages ("unknown difficulty 'expert'").
    func enumeration<Value: RawRepresentable & CaseIterable>(
        _ key: String, as type: Value.Type = Value.self, noun: String? = nil, required: Bool = false
    ) -> Value? where Value.RawValue == String {
        guard let (text, location) = locatedString(key, required: required) else { return nil }
        guard let parsed = Value(rawValue: text) else {
            let expected = Suggestions.humanList(Value.allCases.map(\.rawValue))
            sink.error(at: location, "unknown \(noun ?? key.replacingUnderscores) '\(text)' (expected \(expected))")
            return nil
        }
        return parsed
    }

    // MARK: Lists

    /// The items of a list; a missing optional list is empty, a required one must have ≥ 1 item.
    func list(_ key: String, required: Bool = false) -> [FrontMatterValue] {
        guard let value = value(key, required: required) else { return [] }
        guard case .array(let items, let location) = value else { mismatch("a list", key, value); return [] }
        if required && items.isEmpty { sink.error(at: location, "'\(key)' needs at least one entry") }
        return items
    }

    func stringList(_ key: String, required: Bool = false) -> [String] {
        list(key, required: required).compactMap { Self.string($0, for: key, sink: sink) }
    }

    func slugList(_ key: String, required: Bool = false) -> [String] {
        list(key, required: required).compactMap { item in
            guard let text = Self.slugText(item, for: key, sink: sink),
                  Self.checkSlug(text, for: key, at: item.location, sink: sink) else { return nil }
            return text
        }
    }

    /// A list of tables, each read by its own reader that shares this one's sink.
    func tableList(_ key: String, required: Bool = false) -> [TableReader] {
        list(key, required: required).compactMap { TableReader($0, name: key, sink: sink) }
    }

    func table(_ key: String, required: Bool = false) -> TableReader? {
        value(key, required: required).flatMap { TableReader($0, name: key, sink: sink) }
    }

    // MARK: Unknown keys

    /// Reports every key no accessor asked for. `freeForm` names the key where arbitrary data may
    /// go instead, for the message when no known key is a plausible typo.
    func reportUnknownKeys(freeForm: String? = nil) {
        for entry in entries where !knownKeys.contains(entry.key) {
            let advice: String
            if let suggestion = Suggestions.closest(to: entry.key, in: knownKeys) {
                advice = "did you mean '\(suggestion)'?"
            } else if let freeForm {
                advice = "put free-form data under '\(freeForm)'"
            } else {
                advice = "expected \(Suggestions.humanList(knownKeys.map { "'\($0)'" }))"
            }
            sink.error(at: entry.keyLocation, "unknown key '\(entry.key)' (\(advice))")
        }
        var seen: Set<String> = []
        for entry in entries where !seen.insert(entry.key).inserted {
            sink.error(at: entry.keyLocation, "duplicate key '\(entry.key)'")
        }
    }
}

extension String {
    var replacingUnderscores: String { split(separator: "_").joined(separator: " ") }
}
