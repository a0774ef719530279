import PatternsContent

/// One entry of a pattern's "Related patterns", seen from that pattern's side.
public struct RelatedLink: Hashable, Sendable {
    /// The relation as read from this page: `requires` seen from its target is `requiredBy`.
    public enum Role: String, Hashable, Sendable {
        case alternative, complements, requires, requiredBy, conflicts

        public var label: String {
            switch self {
            case .alternative: "Alternative"
            case .complements: "Complements"
            case .requires: "Requires"
            case .requiredBy: "Required by"
            case .conflicts: "Conflicts with"
            }
        }
    }

    public var pattern: Pattern
    public var role: Role
    public var reason: String?
    /// False when the edge was written on the other pattern's page.
    public var isOutgoing: Bool

    /// Every pattern's links: its own edges in the order written, then the edges other patterns
    /// point at it, by title. A symmetric edge written on both pages is shown once.
    static func links(for patterns: [Pattern], byID: [String: Pattern]) -> [String: [RelatedLink]] {
        var outgoing: [String: [RelatedLink]] = [:]
        var incoming: [String: [RelatedLink]] = [:]
        for source in patterns {
            for edge in source.related {
                guard let target = byID[edge.id], target.id != source.id else { continue }
                outgoing[source.id, default: []].append(
                    RelatedLink(pattern: target, role: Role(edge.relation), reason: edge.reason, isOutgoing: true))
                let inverse: Role = edge.relation == .requires ? .requiredBy : Role(edge.relation)
                incoming[target.id, default: []].append(
                    RelatedLink(pattern: source, role: inverse, reason: edge.reason, isOutgoing: false))
            }
        }
        var result: [String: [RelatedLink]] = [:]
        for pattern in patterns {
            let own = outgoing[pattern.id] ?? []
            let written = Set(own.map { Pair(id: $0.pattern.id, role: $0.role) })
            let others = (incoming[pattern.id] ?? [])
                .filter { !written.contains(Pair(id: $0.pattern.id, role: $0.role)) }
                .sorted { SiteIndex.byTitle($0.pattern, $1.pattern) }
            if !(own + others).isEmpty { result[pattern.id] = own + others }
        }
        return result
    }

    private struct Pair: Hashable { var id: String; var role: Role }
}

extension RelatedLink.Role {
    init(_ relation: Relation) {
        switch relation {
        case .alternative: self = .alternative
        case .complements: self = .complements
        case .requires: self = .requires
        case .conflicts: self = .conflicts
        }
    }
}
