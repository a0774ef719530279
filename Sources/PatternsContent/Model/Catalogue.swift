/// Everything loaded from `content/` and `katas/`, decoded and validated: the input of indexing.
public struct Catalogue: Sendable {
    public var config: SiteConfig
    public var categories: [Term]
    public var groups: [Term]
    public var problems: [Problem]
    public var paths: [LearningPath]
    public var patterns: [Pattern]
    public var guides: [Guide]
    public var katas: [Kata]

    public init(
        config: SiteConfig, categories: [Term], groups: [Term], problems: [Problem],
        paths: [LearningPath], patterns: [Pattern], guides: [Guide], katas: [Kata]
    ) {
        self.config = config
        self.categories = categories
        self.groups = groups
        self.problems = problems
        self.paths = paths
        self.patterns = patterns
        self.guides = guides
        self.katas = katas
    }
}
