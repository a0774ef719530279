import PatternsContent
import PatternsMarkdown

/// The whole build, top to bottom: load → validate → index → render → write.
///
/// Every diagnostic of every stage is collected before deciding anything, so one run shows all
/// that is wrong; any error means nothing is written.
public struct BuildPipeline {
    /// Where the inputs are, relative to the file system's root.
    public struct Layout: Sendable {
        public var content = "content"
        public var katas = "katas"
        public var templates = "templates"
        public init() {}
    }

    public let fileSystem: any FileSystem
    public let history: any RevisionHistory
    public let layout: Layout

    public init(fileSystem: any FileSystem, history: any RevisionHistory, layout: Layout = Layout()) {
        self.fileSystem = fileSystem
        self.history = history
        self.layout = layout
    }

    /// Everything but writing: the site's files if there were no errors, and all diagnostics.
    public func render() async throws -> RenderResult {
        // Load and validate (the loader does both, collecting all its diagnostics).
        let loaded = ContentLoader(fileSystem: fileSystem, history: history)
            .load(contentRoot: layout.content, katasRoot: layout.katas)
        var diagnostics = loaded.diagnostics

        // Render Markdown with links checked, even if the front matter had errors.
        let renderer = MarkdownRenderer()
        let documents = DocumentFinder(fileSystem: fileSystem, contentRoot: layout.content, katasRoot: layout.katas)
            .documents()
        var (markdown, problems) = MarkdownStage(renderer: renderer).render(documents)
        diagnostics.append(contentsOf: problems)
        guard let catalogue = loaded.catalogue, !diagnostics.hasErrors else {
            return RenderResult(files: nil, diagnostics: diagnostics)
        }

        // Index, then turn every page into HTML.
        let index = SiteIndex(catalogue: catalogue)
        let extras = KataExtras(fileSystem: fileSystem, katasRoot: layout.katas, renderer: renderer)
        var sources: [String: [KataSourceView]] = [:]
        for kata in index.katas {
            sources[kata.id] = extras.sources(of: kata)
            for hint in extras.hints(of: kata) { markdown[hint.key] = hint.html }
        }
        let stylesheet = try templateFile("style.css", what: "the stylesheet")
        let pages = PageFactory(index: index, markdown: markdown, kataSources: sources,
                                stylesheetText: String(decoding: stylesheet, as: UTF8.self)).pages()
        let templates = try TemplateRenderer(fileSystem: fileSystem, directory: layout.templates)
        var files = try await PageRenderer(templates: templates).render(pages)
        files += try staticFiles(index: index, routes: pages.map(\.route), stylesheet: stylesheet)
        files.append(OutputFile(path: Route.searchIndex.filePath,
                                text: SearchIndex(index: index, markdown: markdown).javaScript()))
        return RenderResult(files: files.sorted { $0.path < $1.path }, diagnostics: diagnostics, pageCount: pages.count)
    }

    /// Renders, then writes to `output` only if there were no errors. `waiting` is called if
    /// another build is writing the same output (this one then waits its turn).
    public func build(output: String, waiting: (String) -> Void = { _ in }) async throws -> RenderResult {
        let writer = OutputWriter(fileSystem: fileSystem)
        // Refuse before the work, not after, if the output folder is not ours or is an input.
        try OutputPlacement(layout: layout).check(output)
        try writer.checkReplaceable(output)
        let result = try await render()
        if let files = result.files {
            try writer.locked(output, waiting: waiting) { try writer.write(files, to: output) }
        }
        return result
    }

    /// The pattern and guide bodies, for checks that read the content's Markdown (code blocks).
    public func contentDocuments() -> [MarkdownDocument] {
        DocumentFinder(fileSystem: fileSystem, contentRoot: layout.content, katasRoot: layout.katas)
            .documents().filter { $0.file.hasPrefix(layout.content + "/") }
    }

    /// The files that are not HTML pages: feeds, robots, the stylesheet, script and icon.
    private func staticFiles(index: SiteIndex, routes: [Route], stylesheet: [UInt8]) throws -> [OutputFile] {
        let config = index.catalogue.config
        return [
            OutputFile(path: Route.sitemap.filePath, text: Sitemap(baseURL: config.baseURL).render(routes)),
            OutputFile(path: Route.robots.filePath, text: Robots(baseURL: config.baseURL).render()),
            OutputFile(path: Route.atom.filePath, text: AtomFeed(config: config).render(index.recentlyUpdated)),
            OutputFile(path: Route.stylesheet.filePath, bytes: stylesheet),
            OutputFile(path: Route.script.filePath, bytes: try templateFile("site.js", what: "the script")),
            OutputFile(path: Route.favicon.filePath, bytes: try templateFile("favicon.svg", what: "the icon")),
        ]
    }

    /// A file copied from templates/ as it is; a read error names the file.
    private func templateFile(_ name: String, what: String) throws -> [UInt8] {
        let path = "\(layout.templates)/\(name)"
        do {
            return try fileSystem.readBytes(at: path)
        } catch {
            throw TemplateRenderer.TemplateError(description: "\(path): cannot read \(what): \(error)")
        }
    }
}

/// What a build produced: the files (nil when there were errors) and every diagnostic.
public struct RenderResult: Sendable {
    public var files: [OutputFile]?
    public var diagnostics: Diagnostics
    public var pageCount: Int = 0

    public var succeeded: Bool { files != nil }
}
