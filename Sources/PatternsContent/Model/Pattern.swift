/// A pattern page: its front matter, typed, plus the Markdown body it was written with.
public struct Pattern: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var tagline: String
    public var summary: String
    public var category: String
    public var group: String?
    /// Order within the group; `nil` sorts after every pattern that has one.
    public var sortKey: Int?
    public var problems: [String]
    public var difficulty: Difficulty
    public var tier: Tier
    public var isWorkInProgress: Bool
    public var tags: [String]
    public var aliases: [String]
    public var related: [RelatedEdge]
    public var kata: String?
    public var knownUses: [KnownUse]
    public var checklist: [String]
    public var modernAlternatives: [Alternative]
    public var references: [Reference]
    public var comparison: Comparison
    /// From front matter; else from version control; `nil` if neither knows.
    public var updated: ContentDate?
    public var extra: [String: FrontMatterValue]
    /// Where the pattern came from, and where each of its front-matter keys stands in that file.
    public var source: SourceFile

    public init(
        id: String, title: String, tagline: String, summary: String, category: String,
        group: String? = nil, sortKey: Int? = nil, problems: [String], difficulty: Difficulty,
        tier: Tier, isWorkInProgress: Bool = false, tags: [String] = [], aliases: [String] = [],
        related: [RelatedEdge] = [], kata: String? = nil, knownUses: [KnownUse] = [],
        checklist: [String] = [], modernAlternatives: [Alternative] = [],
        references: [Reference] = [], comparison: Comparison = Comparison(),
        updated: ContentDate? = nil, extra: [String: FrontMatterValue] = [:], source: SourceFile
    ) {
        self.id = id
        self.title = title
        self.tagline = tagline
        self.summary = summary
        self.category = category
        self.group = group
        self.sortKey = sortKey
        self.problems = problems
        self.difficulty = difficulty
        self.tier = tier
        self.isWorkInProgress = isWorkInProgress
        self.tags = tags
        self.aliases = aliases
        self.related = related
        self.kata = kata
        self.knownUses = knownUses
        self.checklist = checklist
        self.modernAlternatives = modernAlternatives
        self.references = references
        self.comparison = comparison
        self.updated = updated
        self.extra = extra
        self.source = source
    }
}

/// A typed edge to another pattern, with the one-line reason it matters.
public struct RelatedEdge: Hashable, Sendable {
    public var id: String
    public var relation: Relation
    public var reason: String?
    public var location: SourceLocation

    public init(id: String, relation: Relation, reason: String?, location: SourceLocation) {
        self.id = id
        self.relation = relation
        self.reason = reason
        self.location = location
    }
}

/// A bronze pattern's modern replacement.
public struct Alternative: Hashable, Sendable {
    public var id: String
    public var reason: String?
    public var location: SourceLocation

    public init(id: String, reason: String?, location: SourceLocation) {
        self.id = id
        self.reason = reason
        self.location = location
    }
}

public struct KnownUse: Hashable, Sendable {
    public var name: String
    public var url: String?
    public var note: String?

    public init(name: String, url: String? = nil, note: String? = nil) {
        self.name = name
        self.url = url
        self.note = note
    }
}

public struct Reference: Hashable, Sendable {
    public var title: String
    public var url: String
    /// What the source is cited for, e.g. "the default rolling window and error threshold".
    public var note: String?

    public init(title: String, url: String, note: String? = nil) {
        self.title = title
        self.url = url
        self.note = note
    }
}
