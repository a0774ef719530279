/// `katas/ID/kata.yml`: what the site and the `patterns kata` commands know of a kata.
public struct Kata: Hashable, Sendable, Identifiable {
    /// A plausible wrong implementation: the reference solution with one textual edit.
    public struct Mutant: Hashable, Sendable {
        public var id: String
        public var description: String
        /// A file of the reference solution, `ID/.meta/solution/`.
        public var file: String
        /// Text that must occur exactly once in that file.
        public var replace: String
        public var replacement: String
        public var location: SourceLocation

        public init(id: String, description: String, file: String, replace: String, replacement: String, location: SourceLocation) {
            self.id = id
            self.description = description
            self.file = file
            self.replace = replace
            self.replacement = replacement
            self.location = location
        }
    }

    /// A generated mutant that behaves exactly like the reference, so no test can kill it.
    public struct EquivalentMutant: Hashable, Sendable {
        /// The generated id, `<declaration>/<operator>/<n>` (see katas/README.md).
        public var id: String
        /// One line: why no observable behaviour differs.
        public var reason: String
        public var location: SourceLocation

        public init(id: String, reason: String, location: SourceLocation) {
            self.id = id
            self.reason = reason
            self.location = location
        }
    }

    public var id: String
    public var title: String
    public var pattern: String
    /// The Swift library target with the learner's stub; its tests are `<module>Tests`.
    public var module: String
    public var difficulty: Difficulty
    public var order: Int
    public var blurb: String
    /// From a gentle nudge to a specific pointer.
    public var hints: [String]
    /// Shown after a solve: extensions, production concerns, questions to think about.
    public var digDeeper: [String]
    public var mutants: [Mutant]
    /// Generated mutants excluded from the mutation score, each with its reason.
    public var equivalentMutants: [EquivalentMutant]
    /// The instructions, Markdown.
    public var instructions: String
    public var source: SourceFile

    public init(
        id: String, title: String, pattern: String, module: String, difficulty: Difficulty,
        order: Int, blurb: String, hints: [String], digDeeper: [String] = [], mutants: [Mutant],
        equivalentMutants: [EquivalentMutant] = [], instructions: String, source: SourceFile
    ) {
        self.id = id
        self.title = title
        self.pattern = pattern
        self.module = module
        self.difficulty = difficulty
        self.order = order
        self.blurb = blurb
        self.hints = hints
        self.digDeeper = digDeeper
        self.mutants = mutants
        self.equivalentMutants = equivalentMutants
        self.instructions = instructions
        self.source = source
    }
}
