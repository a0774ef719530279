/// What loading produced: a catalogue when the content is valid, and everything worth reporting.
public struct LoadResult: Sendable {
    /// Nil if and only if `diagnostics` has errors.
    public var catalogue: Catalogue?
    public var diagnostics: Diagnostics

    public init(catalogue: Catalogue?, diagnostics: Diagnostics) {
        self.catalogue = catalogue
        self.diagnostics = diagnostics
    }
}

/// Reads `content/` and `katas/`, decodes every file and validates the whole, collecting every
/// diagnostic so one run shows all that is wrong.
public struct ContentLoader: Sendable {
    public let fileSystem: any FileSystem
    public let history: any RevisionHistory

    public init(fileSystem: any FileSystem, history: any RevisionHistory) {
        self.fileSystem = fileSystem
        self.history = history
    }

    public func load(contentRoot: String = "content", katasRoot: String = "katas") -> LoadResult {
        var diagnostics = Diagnostics()
        func collect<T>(_ result: Result<T, Diagnostics>?) -> T? {
            switch result {
            case .success(let value): return value
            case .failure(let found): diagnostics.append(contentsOf: found); return nil
            case nil: return nil
            }
        }
        let root = Self.directoryPrefix(contentRoot)
        let config = collect(readData(root + "site.toml", format: .toml, required: true).map { $0.flatMap(DataFileDecoder.decodeSiteConfig) })
        let categories = collect(readData(root + "categories.yml", format: .yaml, required: true).map { $0.flatMap(DataFileDecoder.decodeTerms) })
        let groups = collect(readData(root + "groups.yml", format: .yaml, required: true).map { $0.flatMap(DataFileDecoder.decodeTerms) })
        let problems = collect(readData(root + "problems.yml", format: .yaml, required: true).map { $0.flatMap(DataFileDecoder.decodeProblems) })
        // Learning paths are optional: a young catalogue has none.
        let paths = collect(readData(root + "paths.yml", format: .yaml, required: false).map { $0.flatMap(DataFileDecoder.decodePaths) }) ?? []

        let patternFiles = pages(in: root + "patterns")
        let patterns = patternFiles.compactMap { collect(decodePage($0, PatternDecoder.decode)) }
            .map { pattern in
                var dated = pattern
                dated.updated = pattern.updated ?? history.lastChanged(pattern.source.path)
                return dated
            }
        let guides = pages(in: root + "guides").compactMap { collect(decodePage($0, GuideDecoder.decode)) }
            .map { guide in
                var dated = guide
                dated.updated = guide.updated ?? history.lastChanged(guide.source.path)
                return dated
            }
        let (katas, kataDiagnostics) = decodeKatas(katasRoot: katasRoot)
        diagnostics.append(contentsOf: kataDiagnostics)
        // Pages and katas that failed to decode were reported already; naming them elsewhere
        // is not a second mistake, so the validator is told they exist.
        let undecodedPatterns = Set(patternFiles.map(Self.fileStem)).subtracting(patterns.map { Self.fileStem($0.source.path) })
        let undecodedKatas = Set(kataFolders(katasRoot: katasRoot)).subtracting(katas.map(\.id))

        guard let config, let categories, let groups, let problems else {
            return LoadResult(catalogue: nil, diagnostics: diagnostics)
        }
        let catalogue = Catalogue(
            config: config, categories: categories, groups: groups, problems: problems, paths: paths,
            patterns: patterns.sorted { $0.id < $1.id }, guides: guides.sorted { $0.id < $1.id }, katas: katas
        )
        // Cross-file rules run even when some pages failed to decode, so one run shows the most;
        // a page that failed is then simply absent, which may add "unknown pattern" follow-ups.
        diagnostics.append(contentsOf: CatalogueValidator.validate(
            catalogue, undecodedPatterns: undecodedPatterns, undecodedKatas: undecodedKatas
        ))
        return LoadResult(catalogue: diagnostics.hasErrors ? nil : catalogue, diagnostics: diagnostics)
    }

    /// The katas alone, decoded and checked on their own (for the `patterns kata` commands).
    public func loadKatas(katasRoot: String = "katas") -> ([Kata], Diagnostics) {
        var (katas, diagnostics) = decodeKatas(katasRoot: katasRoot)
        diagnostics.append(contentsOf: CatalogueValidator.validateKatas(katas))
        return (katas, diagnostics)
    }

    // MARK: Reading

    /// Every `katas/ID/kata.yml` (folders without one, like `Harness`, are not katas), sorted by id.
    private func decodeKatas(katasRoot: String) -> ([Kata], Diagnostics) {
        var diagnostics = Diagnostics()
        var katas: [Kata] = []
        let root = Self.directoryPrefix(katasRoot)
        for folder in kataFolders(katasRoot: katasRoot) {
            let metadataPath = root + folder + "/kata.yml"
            let instructionsPath = root + folder + "/instructions.md"
            let instructions = (try? fileSystem.readText(at: instructionsPath)) ?? ""
            let decoded = readData(metadataPath, format: .yaml, required: true)?
                .flatMap { DataFileDecoder.decodeKata($0, instructions: instructions) }
            switch decoded {
            case .success(let kata): katas.append(kata)
            case .failure(let found): diagnostics.append(contentsOf: found)
            case nil: break
            }
        }
        return (katas.sorted { $0.id < $1.id }, diagnostics)
    }

    /// Folders of `katasRoot` holding a `kata.yml` (so not `Harness`), sorted.
    private func kataFolders(katasRoot: String) -> [String] {
        let root = Self.directoryPrefix(katasRoot)
        return ((try? fileSystem.listDirectory(at: katasRoot)) ?? [])
            .filter { fileSystem.fileExists(at: root + $0 + "/kata.yml") }
    }

    static func fileStem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    /// The `.md` files of a content folder, as project-relative paths.
    private func pages(in directory: String) -> [String] {
        ((try? fileSystem.listDirectory(at: directory)) ?? [])
            .filter { $0.hasSuffix(".md") }
            .map { directory + "/" + $0 }
    }

    private func decodePage<T>(_ path: String, _ decode: (ParsedPage) -> Result<T, Diagnostics>) -> Result<T, Diagnostics> {
        let text: String
        do {
            text = try fileSystem.readText(at: path)
        } catch {
            return .failure(Diagnostics([Self.readFailure(path, error)]))
        }
        return FrontMatterParser.parsePage(text, path: path)
            .mapError { Diagnostics([$0]) }
            .flatMap(decode)
    }

    /// A whole data file parsed; nil if it is optional and absent.
    private func readData(_ path: String, format: FrontMatterFormat, required: Bool) -> Result<FrontMatterValue, Diagnostics>? {
        let top = SourceLocation(file: path, line: 1, column: 1)
        guard fileSystem.fileExists(at: path) else {
            return required ? .failure(Diagnostics([.error(at: top, "missing file '\(path)'")])) : nil
        }
        do {
            let text = try fileSystem.readText(at: path)
            return FrontMatterParser.parse(text, format: format, path: path).mapError { Diagnostics([$0]) }
        } catch {
            return .failure(Diagnostics([Self.readFailure(path, error)]))
        }
    }

    /// "cannot read file", at the bad byte when the text is not UTF-8, else at the top.
    public static func readFailure(_ path: String, _ error: any Error) -> Diagnostic {
        if let decoding = error as? SourceText.DecodingError {
            return .error(at: SourceLocation(file: path, line: decoding.line, column: decoding.column), "\(decoding)")
        }
        return .error(at: SourceLocation(file: path, line: 1, column: 1), "cannot read file: \(error)")
    }

    private static func directoryPrefix(_ directory: String) -> String {
        directory.isEmpty || directory.hasSuffix("/") ? directory : directory + "/"
    }
}
