extension CatalogueValidator {
    /// Two pages that both declare an edge to each other must say the same thing.
    ///
    /// The site shows every edge on both pages (a symmetric relation as itself, `requires` as
    /// "required by"), so a pair written twice with different relations would show a page as,
    /// say, both requiring and complementing the other. Symmetric relations may be written on
    /// both sides with the same relation; anything else is reported once, at the edge written
    /// by the pattern whose id sorts later, so the message is stable.
    static func edgeDisagreements(_ patterns: [Pattern]) -> [Diagnostic] {
        var declared: [String: [String: RelatedEdge]] = [:]
        for pattern in patterns {
            for edge in pattern.related where declared[pattern.id]?[edge.id] == nil {
                declared[pattern.id, default: [:]][edge.id] = edge
            }
        }
        var found: [Diagnostic] = []
        for pattern in patterns.sorted(by: { $0.id < $1.id }) {
            for edge in pattern.related where edge.id < pattern.id {
                guard let back = declared[edge.id]?[pattern.id], declared[pattern.id]?[edge.id] == edge else { continue }
                if edge.relation == back.relation, edge.relation.isSymmetric { continue }
                found.append(.error(at: edge.location, """
                    '\(pattern.id)' says it \(phrase(edge.relation)) '\(edge.id)', but '\(edge.id)' says it \
                    \(phrase(back.relation)) '\(pattern.id)' (at \(back.location)); keep the edge on one page: \
                    the other shows it automatically
                    """))
            }
        }
        return found
    }

    private static func phrase(_ relation: Relation) -> String {
        switch relation {
        case .alternative: "is an alternative to"
        case .complements: "complements"
        case .requires: "requires"
        case .conflicts: "conflicts with"
        }
    }
}
