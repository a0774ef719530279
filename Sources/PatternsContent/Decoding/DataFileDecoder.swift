/// The whole-file data sources: taxonomy lists (`categories.yml`, `groups.yml`, `problems.yml`,
/// `paths.yml`), `site.toml` and each kata's `kata.yml`.
public enum DataFileDecoder {
    /// `categories.yml` or `groups.yml`: a list of `{id, title, description}` in display order.
    public static func decodeTerms(_ root: FrontMatterValue) -> Result<[Term], Diagnostics> {
        decodeList(root) { reader in
            let id = reader.locatedSlug("id", required: true)
            let title = reader.string("title", required: true)
            let description = reader.string("description", required: true)
            reader.reportUnknownKeys()
            guard let (id, location) = id, let title, let description else { return nil }
            return Term(id: id, title: title, description: description, location: location)
        }
    }

    /// `problems.yml`: the same shape as a term list, kept as its own type for the site.
    public static func decodeProblems(_ root: FrontMatterValue) -> Result<[Problem], Diagnostics> {
        decodeTerms(root).map { terms in
            terms.map { Problem(id: $0.id, title: $0.title, description: $0.description, location: $0.location) }
        }
    }

    /// `paths.yml`: learning paths with ordered steps.
    public static func decodePaths(_ root: FrontMatterValue) -> Result<[LearningPath], Diagnostics> {
        decodeList(root) { reader in
            let id = reader.locatedSlug("id", required: true)
            let title = reader.string("title", required: true)
            let description = reader.string("description", required: true)
            let steps = reader.tableList("steps", required: true).compactMap { step -> LearningPath.Step? in
                let pattern = step.locatedSlug("pattern", required: true)
                let why = step.string("why", required: true)
                step.reportUnknownKeys()
                guard let (pattern, location) = pattern, let why else { return nil }
                return LearningPath.Step(pattern: pattern, why: why, location: location)
            }
            reader.reportUnknownKeys()
            guard let (id, location) = id, let title, let description else { return nil }
            return LearningPath(id: id, title: title, description: description, steps: steps, location: location)
        }
    }

    /// `content/site.toml`.
    public static func decodeSiteConfig(_ root: FrontMatterValue) -> Result<SiteConfig, Diagnostics> {
        let sink = DiagnosticSink()
        let top = SourceLocation(file: root.location.file, line: 1, column: 1)
        guard let reader = TableReader(root, name: "site", missingKeyLocation: top, sink: sink) else {
            return .failure(Diagnostics(sink.diagnostics))
        }
        let title = reader.string("title", required: true)
        let baseURL = PatternDecoder.checkedURL(reader, "base_url", required: true)
        if let baseURL, !baseURL.hasSuffix("/"), let location = reader.value("base_url")?.location {
            sink.error(at: location, "'base_url' must end with '/' (found '\(baseURL)')")
        }
        let description = reader.string("description", required: true)
        let language = reader.string("language") ?? "en"
        let author = reader.string("author", required: true)
        let repository = PatternDecoder.checkedURL(reader, "repository", required: false)
        let branch = reader.string("branch") ?? "main"
        reader.reportUnknownKeys()
        guard sink.diagnostics.isEmpty, let title, let baseURL, let description, let author else {
            return .failure(Diagnostics(sink.diagnostics))
        }
        return .success(SiteConfig(title: title, baseURL: baseURL, description: description, language: language,
                                   author: author, repository: repository, branch: branch))
    }

    /// `katas/ID/kata.yml` plus the text of its `instructions.md`. Rules across katas and
    /// patterns (folder name, mutant count, pattern exists) are `CatalogueValidator`'s.
    public static func decodeKata(_ root: FrontMatterValue, instructions: String) -> Result<Kata, Diagnostics> {
        let sink = DiagnosticSink()
        let path = root.location.file
        let top = SourceLocation(file: path, line: 1, column: 1)
        guard let reader = TableReader(root, name: "kata", missingKeyLocation: top, sink: sink) else {
            return .failure(Diagnostics(sink.diagnostics))
        }
        let id = reader.slug("id", required: true)
        let title = reader.string("title", required: true)
        let pattern = reader.slug("pattern", required: true)
        let module = reader.string("module", required: true)
        let difficulty = reader.enumeration("difficulty", as: Difficulty.self, required: true)
        let order = reader.int("order", required: true)
        let blurb = reader.string("blurb", required: true)
        let hints = reader.stringList("hints", required: true)
        let digDeeper = reader.stringList("dig_deeper", required: false)
        let mutants = reader.tableList("mutants", required: true).compactMap(decodeMutant)
        let equivalent = reader.tableList("equivalent_mutants", required: false).compactMap(decodeEquivalentMutant)
        reader.reportUnknownKeys()
        guard sink.diagnostics.isEmpty, let id, let title, let pattern, let module, let difficulty, let order, let blurb else {
            return .failure(Diagnostics(sink.diagnostics))
        }
        let source = SourceFile(path: path, body: "", bodyStartLine: 1, keyLocations: root.topLevelKeyLocations)
        return .success(Kata(
            id: id, title: title, pattern: pattern, module: module, difficulty: difficulty, order: order,
            blurb: blurb, hints: hints, digDeeper: digDeeper, mutants: mutants, equivalentMutants: equivalent, instructions: instructions, source: source
        ))
    }

    static func decodeMutant(_ reader: TableReader) -> Kata.Mutant? {
        let id = reader.locatedSlug("id", required: true)
        let description = reader.string("description", required: true)
        let file = reader.string("file", required: true)
        let replace = reader.string("replace", required: true)
        // `with` reads naturally in YAML (`replace: … with: …`); the model says what it is.
        // Empty is allowed: deleting the replaced text is a plausible bug.
        let replacement = reader.string("with", required: true, allowBlank: true)
        if let replace, replace.isEmpty, let location = reader.value("replace")?.location {
            reader.sink.error(at: location, "'replace' must not be empty")
        }
        reader.reportUnknownKeys()
        guard let (id, location) = id, let description, let file, let replace, let replacement else { return nil }
        return Kata.Mutant(id: id, description: description, file: file, replace: replace, replacement: replacement, location: location)
    }

    /// `equivalent_mutants:` entries: a generated mutant's id and the one-line reason it cannot be killed.
    static func decodeEquivalentMutant(_ reader: TableReader) -> Kata.EquivalentMutant? {
        let id = reader.string("id", required: true)
        let reason = reader.string("reason", required: true)
        let location = reader.value("id")?.location
        // Blank text is refused by the reader itself; a reason is also one line.
        if let reason, reason.contains("\n"), let at = reader.value("reason")?.location {
            reader.sink.error(at: at, "'reason' must be one line")
        }
        reader.reportUnknownKeys()
        guard let id, let reason, let location else { return nil }
        return Kata.EquivalentMutant(id: id, reason: reason, location: location)
    }

    /// A top-level list of tables, each decoded by `decodeItem`; all problems reported together.
    static func decodeList<Item>(
        _ root: FrontMatterValue, _ decodeItem: (TableReader) -> Item?
    ) -> Result<[Item], Diagnostics> {
        let sink = DiagnosticSink()
        guard case .array(let items, _) = root else {
            sink.error(at: root.location, "expected a list of entries, found \(root.kindDescription)")
            return .failure(Diagnostics(sink.diagnostics))
        }
        let decoded = items.compactMap { item in TableReader(item, name: "entry", sink: sink).flatMap(decodeItem) }
        return sink.diagnostics.isEmpty ? .success(decoded) : .failure(Diagnostics(sink.diagnostics))
    }
}
