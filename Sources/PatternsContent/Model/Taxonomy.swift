/// An entry of `categories.yml` or `groups.yml`: the order of the file is the display order.
public struct Term: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var description: String
    public var location: SourceLocation

    public init(id: String, title: String, description: String, location: SourceLocation) {
        self.id = id
        self.title = title
        self.description = description
        self.location = location
    }
}

/// An entry of `problems.yml`: a question-style title such as "I need to handle failures gracefully".
public struct Problem: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var description: String
    public var location: SourceLocation

    public init(id: String, title: String, description: String, location: SourceLocation) {
        self.id = id
        self.title = title
        self.description = description
        self.location = location
    }
}

/// A learning path: patterns in order, each step saying why it follows the one before.
public struct LearningPath: Hashable, Sendable, Identifiable {
    public struct Step: Hashable, Sendable {
        public var pattern: String
        public var why: String
        public var location: SourceLocation

        public init(pattern: String, why: String, location: SourceLocation) {
            self.pattern = pattern
            self.why = why
            self.location = location
        }
    }

    public var id: String
    public var title: String
    public var description: String
    public var steps: [Step]
    public var location: SourceLocation

    public init(id: String, title: String, description: String, steps: [Step], location: SourceLocation) {
        self.id = id
        self.title = title
        self.description = description
        self.steps = steps
        self.location = location
    }
}

/// A foundation page that is not a pattern: no tier, no kata.
public struct Guide: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var summary: String
    public var order: Int?
    public var tags: [String]
    public var references: [Reference]
    public var updated: ContentDate?
    public var source: SourceFile

    public init(
        id: String, title: String, summary: String, order: Int? = nil, tags: [String] = [],
        references: [Reference] = [], updated: ContentDate? = nil, source: SourceFile
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.order = order
        self.tags = tags
        self.references = references
        self.updated = updated
        self.source = source
    }
}

/// `content/site.toml`.
public struct SiteConfig: Hashable, Sendable {
    public var title: String
    /// Absolute URL the site is served from, with a trailing slash, e.g. `https://example.org/`.
    public var baseURL: String
    public var description: String
    public var language: String
    public var author: String
    /// The source repository's web address, for "edit this page" and clone instructions.
    public var repository: String?
    /// The branch "edit this page" opens.
    public var branch: String

    public init(title: String, baseURL: String, description: String, language: String = "en", author: String,
                repository: String? = nil, branch: String = "main") {
        self.title = title
        self.baseURL = baseURL
        self.description = description
        self.language = language
        self.author = author
        self.repository = repository
        self.branch = branch
    }
}
