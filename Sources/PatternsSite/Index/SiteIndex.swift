import PatternsContent

/// The catalogue's navigation, computed once from front matter so that no list is kept by hand.
///
/// Ordering rules live here and nowhere else: categories, groups and problems keep file order;
/// patterns inside a group follow `sort_key` (missing last) then title; every other list of
/// patterns is by title. Ties fall back to the id so the order never depends on the input order.
public struct SiteIndex: Sendable {
    public let catalogue: Catalogue
    public let patterns: [Pattern]
    private let patternByID: [String: Pattern]
    private let kataByID: [String: Kata]
    private let byCategory: [String: [Pattern]]
    private let byGroup: [String: [Pattern]]
    private let byProblem: [String: [Pattern]]
    private let byDifficulty: [Difficulty: [Pattern]]
    private let byTag: [String: [Pattern]]
    private let relatedByID: [String: [RelatedLink]]

    public init(catalogue: Catalogue) {
        self.catalogue = catalogue
        let sorted = catalogue.patterns.sorted(by: SiteIndex.byTitle)
        patterns = sorted
        patternByID = Dictionary(sorted.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        kataByID = Dictionary(catalogue.katas.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        byCategory = Dictionary(grouping: sorted, by: \.category)
        byGroup = Dictionary(grouping: sorted.filter { $0.group != nil }, by: { $0.group! })
            .mapValues { $0.sorted(by: SiteIndex.byGroupOrder) }
        byProblem = SiteIndex.multimap(sorted, keys: \.problems)
        byDifficulty = Dictionary(grouping: sorted, by: \.difficulty)
        byTag = SiteIndex.multimap(sorted, keys: \.tags)
        relatedByID = RelatedLink.links(for: sorted, byID: patternByID)
    }

    // MARK: Look-ups

    public func pattern(_ id: String) -> Pattern? { patternByID[id] }
    public func kata(_ id: String) -> Kata? { kataByID[id] }

    public func patterns(inCategory id: String) -> [Pattern] { byCategory[id] ?? [] }
    public func patterns(inGroup id: String) -> [Pattern] { byGroup[id] ?? [] }
    public func patterns(solving problem: String) -> [Pattern] { byProblem[problem] ?? [] }
    public func patterns(ofDifficulty level: Difficulty) -> [Pattern] { byDifficulty[level] ?? [] }
    public func patterns(taggedWith tag: String) -> [Pattern] { byTag[tag] ?? [] }

    /// Every tag in use, alphabetically.
    public var tags: [String] { byTag.keys.sorted() }

    private var sharedTags: Set<String> {
        var uses = byTag.mapValues(\.count)
        for guide in catalogue.guides { for tag in Set(guide.tags) { uses[tag, default: 0] += 1 } }
        return Set(uses.filter { $0.value > 1 }.keys)
    }

    /// Outgoing edges as written, then incoming edges from other pages by title.
    public func related(to id: String) -> [RelatedLink] { relatedByID[id] ?? [] }

    /// The patterns before and after this one, for "previous / next" links: within its group
    /// when the group has others to read with it, else within its category, else A–Z, so every
    /// page has them.
    public func neighbours(of pattern: Pattern) -> (scope: Route, previous: Pattern?, next: Pattern?) {
        var scope = Route.patternIndex
        var members = patterns
        if let group = pattern.group, patterns(inGroup: group).count > 1 {
            scope = .group(group)
            members = patterns(inGroup: group)
        } else if patterns(inCategory: pattern.category).count > 1 {
            scope = .category(pattern.category)
            members = patterns(inCategory: pattern.category)
        }
        guard let position = members.firstIndex(where: { $0.id == pattern.id }) else { return (scope, nil, nil) }
        return (scope, position > 0 ? members[position - 1] : nil,
                position + 1 < members.count ? members[position + 1] : nil)
    }

    /// Tags that more than one pattern or guide uses get a page; a tag used once would make a
    /// page listing only the page it came from (255 of the catalogue's 338 tags were like that).
    public func hasTagPage(_ tag: String) -> Bool { sharedTags.contains(tag) }

    /// The tags that get a page, alphabetically.
    public var tagsWithPages: [String] { sharedTags.sorted() }

    /// The kata a pattern links to, looked up both ways so either side may declare it.
    public func kata(for pattern: Pattern) -> Kata? {
        if let id = pattern.kata, let kata = kataByID[id] { return kata }
        return catalogue.katas.first { $0.pattern == pattern.id }
    }

    /// Katas in their suggested sequence (`order`, then title).
    public var katas: [Kata] {
        catalogue.katas.sorted { ($0.order, $0.title.lowercased(), $0.id) < ($1.order, $1.title.lowercased(), $1.id) }
    }

    /// Guides by `order` (missing last), then title.
    public var guides: [Guide] {
        catalogue.guides.sorted {
            ($0.order ?? Int.max, $0.title.lowercased(), $0.id) < ($1.order ?? Int.max, $1.title.lowercased(), $1.id)
        }
    }

    /// A learning path's steps with their patterns; steps naming an unknown pattern are dropped
    /// (the loader reports them).
    public func steps(of path: LearningPath) -> [(step: LearningPath.Step, pattern: Pattern)] {
        path.steps.compactMap { step in patternByID[step.pattern].map { (step, $0) } }
    }

    /// Patterns that have an `updated` date, newest first (title breaks ties), for the feed.
    public var recentlyUpdated: [Pattern] {
        patterns.filter { $0.updated != nil }.sorted {
            ($0.updated!, $1.title.lowercased(), $1.id) > ($1.updated!, $0.title.lowercased(), $0.id)
        }
    }

    // MARK: Ordering

    static func byTitle(_ a: Pattern, _ b: Pattern) -> Bool {
        (a.title.lowercased(), a.id) < (b.title.lowercased(), b.id)
    }

    static func byGroupOrder(_ a: Pattern, _ b: Pattern) -> Bool {
        switch (a.sortKey, b.sortKey) {
        case let (x?, y?) where x != y: x < y
        case (.some, nil): true
        case (nil, .some): false
        default: byTitle(a, b)
        }
    }

    private static func multimap(_ patterns: [Pattern], keys: KeyPath<Pattern, [String]>) -> [String: [Pattern]] {
        var result: [String: [Pattern]] = [:]
        for pattern in patterns {
            for key in Set(pattern[keyPath: keys]) { result[key, default: []].append(pattern) }
        }
        return result
    }
}
