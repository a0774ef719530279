/// `content/guides/ID.md` front matter → `Guide`.
public enum GuideDecoder {
    public static func decode(_ page: ParsedPage) -> Result<Guide, Diagnostics> {
        let sink = DiagnosticSink()
        guard let reader = TableReader.frontMatter(of: page, sink: sink) else {
            return .failure(Diagnostics(sink.diagnostics))
        }
        let id = reader.slug("id", required: true)
        let title = reader.string("title", required: true)
        let summary = PatternDecoder.checkedText(reader, "summary", maxLength: PatternDecoder.maxSummaryLength, singleLine: false)
        let order = reader.int("order")
        let tags = reader.slugList("tags")
        let references = PatternDecoder.decodeReferences(reader, required: false)
        let updated = reader.date("updated")
        reader.reportUnknownKeys()
        guard sink.diagnostics.isEmpty, let id, let title, let summary else {
            return .failure(Diagnostics(sink.diagnostics))
        }
        return .success(Guide(
            id: id, title: title, summary: summary, order: order, tags: tags, references: references,
            updated: updated, source: page.source
        ))
    }
}
