/// What `kata-mutants` hands `patterns kata verify`: a kata's solution rewritten as mutant
/// schemata, one build holding every generated mutant, and the list of those mutants.
///
/// The generator lives in its own executable so that `patterns` never links swift-syntax; this
/// JSON file is the whole interface between the two.
public struct GeneratedMutants: Codable, Hashable, Sendable {
    /// Solution file name → its schemata text, plus the file declaring the switch.
    public var files: [String: String]
    public var mutants: [GeneratedMutant]
    /// The hand-written mutants (kata.yml's) folded into the same schemata, so they cost a test
    /// run each instead of a build each; `id` is kata.yml's. One missing here is built on its own.
    public var folded: [GeneratedMutant]

    public init(files: [String: String], mutants: [GeneratedMutant], folded: [GeneratedMutant] = []) {
        self.files = files
        self.mutants = mutants
        self.folded = folded
    }

    /// Every mutant behind the switch, generated or folded: what a compiler error is blamed on.
    public var switched: [GeneratedMutant] { mutants + folded }

    /// The environment variable a test process reads, once, to pick its mutant; unset or 0 runs
    /// the reference behaviour.
    public static let environmentVariable = "KATA_MUTANT"
}

/// One generated mutant.
public struct GeneratedMutant: Codable, Hashable, Sendable {
    /// Stable across runs and unrelated edits: `<declaration>/<operator>/<n>`, e.g.
    /// `TokenBucket.acquire(cost:)/boundary/1`, the first boundary swap in that method.
    public var id: String
    /// The value of `KATA_MUTANT` that switches this mutant on, 1-based; valid for one generation only.
    public var index: Int
    /// Where the mutated code is in the solution file.
    public var file: String
    public var line: Int
    public var column: Int
    /// What changes, e.g. "`>=` → `>` in `level >= needed`".
    public var description: String
    /// The mutant's code in the schemata text, so a compiler error there is blamed on it.
    public var region: Region

    public init(id: String, index: Int, file: String, line: Int, column: Int, description: String, region: Region) {
        self.id = id
        self.index = index
        self.file = file
        self.line = line
        self.column = column
        self.description = description
        self.region = region
    }

    /// A span of a schemata file, in 1-based lines and columns, end inclusive.
    public struct Region: Codable, Hashable, Sendable {
        public var startLine: Int
        public var startColumn: Int
        public var endLine: Int
        public var endColumn: Int

        public init(startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) {
            self.startLine = startLine
            self.startColumn = startColumn
            self.endLine = endLine
            self.endColumn = endColumn
        }

        public func contains(line: Int, column: Int) -> Bool {
            (line, column) >= (startLine, startColumn) && (line, column) <= (endLine, endColumn)
        }

        /// Smaller first, so the innermost of nested regions is found first.
        public var size: Int { (endLine - startLine) * 10_000 + (endColumn - startColumn) }
    }
}

/// A hand-written mutant as `kata-mutants` reads it (`--hand-written FILE`, a JSON array): replace
/// the one occurrence of `replace` in the solution file `file` with `replacement`.
public struct HandWrittenEdit: Codable, Hashable, Sendable {
    public var id: String
    public var file: String
    public var replace: String
    public var replacement: String

    public init(id: String, file: String, replace: String, replacement: String) {
        self.id = id
        self.file = file
        self.replace = replace
        self.replacement = replacement
    }
}
