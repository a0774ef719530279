import PatternsContent

/// What `patterns.mustache` sees: every pattern A–Z, by initial letter.
struct PatternIndexView: Sendable {
    struct Entry: Sendable {
        var card: PatternCard
        var aliases: String?
        var kata: LinkView?
    }
    struct Letter: Sendable {
        var letter: String
        var entries: [Entry]
    }
    var title: String
    var intro: String
    var letters: [Letter]
}

extension PageFactory {
    func patternIndexPage() -> Page {
        let route = Route.patternIndex
        let intro = "All \(index.patterns.count) patterns by name, with their other names, tier and kata. \(kataSummary)."
        let byLetter = Dictionary(grouping: index.patterns) { initial(of: $0.title) }
        let letters = byLetter.keys.sorted().map { letter in
            PatternIndexView.Letter(letter: letter, entries: byLetter[letter]!.map { pattern in
                PatternIndexView.Entry(
                    card: card(pattern, from: route),
                    aliases: pattern.aliases.isEmpty ? nil : pattern.aliases.joined(separator: ", "),
                    kata: index.kata(for: pattern).map { LinkView(href: route.link(to: .kata($0.id)), title: $0.title) })
            })
        }
        return page(route, template: "patterns", title: "Patterns A–Z", description: intro, section: route,
                    PatternIndexView(title: "Patterns A–Z", intro: intro, letters: letters))
    }

    /// The letter a title files under; digits and symbols file under "#".
    private func initial(of title: String) -> String {
        guard let first = title.first, first.isLetter else { return "#" }
        return String(first).uppercased()
    }
}
