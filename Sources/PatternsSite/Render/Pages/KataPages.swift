import PatternsContent

/// One stub file of a kata, highlighted: the API the learner implements.
struct KataSourceView: Sendable {
    var name: String
    var html: String
}

/// What `kata.mustache` sees.
struct KataView: Sendable {
    struct Hint: Sendable {
        var number: Int
        var html: String
    }
    var id: String
    var title: String
    var blurb: String
    var difficulty: String
    var difficultyLabel: String
    var module: String
    var pattern: LinkView?
    var instructions: String
    var sources: [KataSourceView]
    var hints: [Hint]
    var up: LinkView
}

/// What `katas.mustache` sees: the suggested sequence, by difficulty and by pattern.
struct KataIndexView: Sendable {
    struct Entry: Sendable {
        var href: String
        var title: String
        var blurb: String
        var difficulty: String
        var difficultyLabel: String
        var pattern: LinkView?
    }
    struct Level: Sendable {
        var title: String
        var katas: [Entry]
    }
    var levels: [Level]
    var byPattern: [Entry]
}

extension PageFactory {
    /// Where a kata's instructions are read from, so links and problems in them have a file.
    static func instructionsPath(of kata: Kata) -> String { "katas/\(kata.id)/instructions.md" }

    func kataPages() -> [Page] {
        [kataIndexPage()] + index.katas.map { kata in
            let route = Route.kata(kata.id)
            let hints = kata.hints.enumerated().map { offset, hint in
                KataView.Hint(number: offset + 1, html: markdown[Self.hintKey(kata, offset)]?.html ?? hint)
            }
            let view = KataView(
                id: kata.id, title: kata.title, blurb: kata.blurb, difficulty: kata.difficulty.rawValue,
                difficultyLabel: kata.difficulty.label, module: kata.module,
                pattern: index.pattern(kata.pattern).map { LinkView(href: route.link(to: .pattern($0.id)), title: $0.title) },
                instructions: markdown[Self.instructionsPath(of: kata)]?.html ?? "",
                sources: kataSources[kata.id] ?? [], hints: hints,
                up: LinkView(href: route.link(to: .katas), title: "Katas"))
            return page(route, template: "kata", title: kata.title, description: kata.blurb, section: .katas, view)
        }
    }

    /// Hints are short Markdown too; they are rendered under a key of their own.
    static func hintKey(_ kata: Kata, _ number: Int) -> String { "katas/\(kata.id)/kata.yml#hint-\(number)" }

    private func kataIndexPage() -> Page {
        let route = Route.katas
        func entry(_ kata: Kata) -> KataIndexView.Entry {
            .init(href: route.link(to: .kata(kata.id)), title: kata.title, blurb: kata.blurb,
                  difficulty: kata.difficulty.rawValue, difficultyLabel: kata.difficulty.label,
                  pattern: index.pattern(kata.pattern).map { LinkView(href: route.link(to: .pattern($0.id)), title: $0.title) })
        }
        let katas = index.katas
        let view = KataIndexView(
            levels: Difficulty.allCases.compactMap { level in
                let members = katas.filter { $0.difficulty == level }
                return members.isEmpty ? nil : .init(title: level.label, katas: members.map(entry))
            },
            byPattern: katas.sorted {
                let a = index.pattern($0.pattern)?.title.lowercased() ?? $0.pattern
                let b = index.pattern($1.pattern)?.title.lowercased() ?? $1.pattern
                return (a, $0.id) < (b, $1.id)
            }.map(entry))
        return page(route, template: "katas", title: "Katas",
                    description: "Runnable Swift exercises, one a pattern: implement the stub until the tests pass.",
                    section: route, view)
    }
}
