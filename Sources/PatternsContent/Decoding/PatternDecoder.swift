/// `content/patterns/ID.md` front matter → `Pattern`, with every value-level rule checked here.
/// Rules that need other files (ids that must exist, tiers, katas) are `CatalogueValidator`'s.
public enum PatternDecoder {
    static let maxTaglineLength = 120
    static let maxSummaryLength = 400

    public static func decode(_ page: ParsedPage) -> Result<Pattern, Diagnostics> {
        let sink = DiagnosticSink()
        guard let reader = TableReader.frontMatter(of: page, sink: sink) else {
            return .failure(Diagnostics(sink.diagnostics))
        }
        let id = reader.slug("id", required: true)
        let title = reader.string("title", required: true)
        let tagline = checkedText(reader, "tagline", maxLength: maxTaglineLength, singleLine: true)
        let summary = checkedText(reader, "summary", maxLength: maxSummaryLength, singleLine: false)
        let category = reader.slug("category", required: true)
        let group = reader.slug("group")
        let sortKey = reader.int("sort_key")
        let problems = reader.slugList("problems", required: true)
        let difficulty = reader.enumeration("difficulty", as: Difficulty.self, required: true)
        let tier = reader.enumeration("tier", as: Tier.self, required: true)
        // `incomplete` is the older spelling authors still use; both mean work in progress.
        let isWorkInProgress = (reader.bool("wip") ?? false) || (reader.bool("incomplete") ?? false)
        let tags = reader.slugList("tags")
        let aliases = reader.stringList("aliases")
        let related = reader.tableList("related").compactMap(decodeEdge)
        let kata = reader.slug("kata")
        let knownUses = reader.tableList("known_uses").compactMap(decodeKnownUse)
        let checklist = reader.stringList("checklist")
        let alternatives = reader.tableList("modern_alternatives").compactMap(decodeAlternative)
        let references = decodeReferences(reader, required: true)
        let comparison = reader.table("comparison").map(decodeComparison) ?? Comparison()
        let updated = reader.date("updated")
        let extra = decodeExtra(reader)
        reader.reportUnknownKeys(freeForm: "extra")

        guard sink.diagnostics.isEmpty, let id, let title, let tagline, let summary, let category,
              let difficulty, let tier
        else { return .failure(Diagnostics(sink.diagnostics)) }
        return .success(Pattern(
            id: id, title: title, tagline: tagline, summary: summary, category: category, group: group,
            sortKey: sortKey, problems: problems, difficulty: difficulty, tier: tier,
            isWorkInProgress: isWorkInProgress, tags: tags, aliases: aliases, related: related, kata: kata,
            knownUses: knownUses, checklist: checklist, modernAlternatives: alternatives,
            references: references, comparison: comparison, updated: updated, extra: extra, source: page.source
        ))
    }

    /// A required string with a length cap; block scalars' trailing newline is not the author's text.
    static func checkedText(_ reader: TableReader, _ key: String, maxLength: Int, singleLine: Bool) -> String? {
        guard let (raw, location) = reader.locatedString(key, required: true) else { return nil }
        let text = raw.trimmingTrailingNewlines
        if singleLine && text.contains("\n") {
            reader.sink.error(at: location, "'\(key)' must be one line")
            return nil
        }
        if text.count > maxLength {
            reader.sink.error(at: location, "'\(key)' is \(text.count) characters long (at most \(maxLength))")
            return nil
        }
        return text
    }

    static func decodeEdge(_ reader: TableReader) -> RelatedEdge? {
        let id = reader.locatedSlug("id", required: true)
        let relation = reader.enumeration("relation", as: Relation.self, required: true)
        let reason = reader.string("reason")
        reader.reportUnknownKeys()
        guard let (id, location) = id, let relation else { return nil }
        return RelatedEdge(id: id, relation: relation, reason: reason, location: location)
    }

    static func decodeAlternative(_ reader: TableReader) -> Alternative? {
        let id = reader.locatedSlug("id", required: true)
        let reason = reader.string("reason")
        reader.reportUnknownKeys()
        guard let (id, location) = id else { return nil }
        return Alternative(id: id, reason: reason, location: location)
    }

    static func decodeKnownUse(_ reader: TableReader) -> KnownUse? {
        let name = reader.string("name", required: true)
        let url = checkedURL(reader, "url", required: false)
        let note = reader.string("note")
        reader.reportUnknownKeys()
        return name.map { KnownUse(name: $0, url: url, note: note) }
    }

    /// `references`, shared by patterns and guides: each needs a title and an http(s) URL, and may
    /// say in a `note` what it is cited for.
    static func decodeReferences(_ reader: TableReader, required: Bool) -> [Reference] {
        reader.tableList("references", required: required).compactMap { item in
            let title = item.string("title", required: true)
            let url = checkedURL(item, "url", required: true)
            let note = item.string("note")
            item.reportUnknownKeys()
            guard let title, let url else { return nil }
            return Reference(title: title, url: url, note: note)
        }
    }

    static func checkedURL(_ reader: TableReader, _ key: String, required: Bool) -> String? {
        guard let (url, location) = reader.locatedString(key, required: required) else { return nil }
        guard url.hasPrefix("https://") || url.hasPrefix("http://"), url.count > "https://".count else {
            reader.sink.error(at: location, "expected an http(s) URL for '\(key)', found '\(url)'")
            return nil
        }
        return url
    }

    static func decodeComparison(_ reader: TableReader) -> Comparison {
        let comparison = Comparison(
            systems: reader.enumeration("systems"),
            synchronicity: reader.enumeration("synchronicity"),
            atomicity: reader.enumeration("atomicity"),
            consistency: reader.enumeration("consistency"),
            complexity: reader.enumeration("complexity")
        )
        reader.reportUnknownKeys()
        return comparison
    }

    /// Kept verbatim: `extra` is the one place the format does not police.
    static func decodeExtra(_ reader: TableReader) -> [String: FrontMatterValue] {
        guard let value = reader.value("extra") else { return [:] }
        guard case .table(let entries, _) = value else {
            reader.sink.error(at: value.location, "expected a table for 'extra', found \(value.kindDescription)")
            return [:]
        }
        return Dictionary(entries.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = Substring(self)
        while let last = text.last, last.isNewline { text = text.dropLast() }
        return String(text)
    }
}
