/// The closed vocabularies of the front matter. Their raw values are what authors write.

public enum Difficulty: String, CaseIterable, Hashable, Sendable, Codable {
    case beginner, intermediate, advanced
}

public enum Tier: String, CaseIterable, Hashable, Sendable, Codable {
    /// A core pattern, complete and production-tested: needs known uses and a checklist.
    case gold
    /// Useful and complete, narrower or less common.
    case silver
    /// Legacy or mostly superseded (antipatterns too): needs modern alternatives.
    case bronze
}

/// How two patterns relate. `alternative`, `complements` and `conflicts` read the same both ways;
/// `requires` reads as "required by" from the other side.
public enum Relation: String, CaseIterable, Hashable, Sendable, Codable {
    case alternative, complements, requires, conflicts

    public var isSymmetric: Bool { self != .requires }
}

/// Attributes for generated comparison tables; each a fixed vocabulary so columns line up.
public struct Comparison: Hashable, Sendable, Codable {
    public enum Systems: String, CaseIterable, Hashable, Sendable, Codable { case one, many }
    public enum Synchronicity: String, CaseIterable, Hashable, Sendable, Codable { case synchronous, asynchronous, either }
    public enum Atomicity: String, CaseIterable, Hashable, Sendable, Codable { case atomic, eventual, none }
    public enum Consistency: String, CaseIterable, Hashable, Sendable, Codable { case strong, eventual, none }
    public enum Complexity: String, CaseIterable, Hashable, Sendable, Codable { case low, medium, high }

    public var systems: Systems?
    public var synchronicity: Synchronicity?
    public var atomicity: Atomicity?
    public var consistency: Consistency?
    public var complexity: Complexity?

    public init(
        systems: Systems? = nil, synchronicity: Synchronicity? = nil, atomicity: Atomicity? = nil,
        consistency: Consistency? = nil, complexity: Complexity? = nil
    ) {
        self.systems = systems
        self.synchronicity = synchronicity
        self.atomicity = atomicity
        self.consistency = consistency
        self.complexity = complexity
    }

    public var isEmpty: Bool {
        systems == nil && synchronicity == nil && atomicity == nil && consistency == nil && complexity == nil
    }
}
