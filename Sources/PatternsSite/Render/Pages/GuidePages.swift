import PatternsContent

/// What `guide.mustache` sees.
struct GuideView: Sendable {
    var title: String
    var summary: String
    var toc: [TocEntry]
    var body: String
    var tags: [TagView]
    var references: [Reference]
    var updated: String?
    var editURL: String?
    var up: LinkView
}

/// What `guides.mustache` sees.
struct GuideIndexView: Sendable {
    struct Entry: Sendable {
        var href: String
        var title: String
        var summary: String
    }
    var guides: [Entry]
}

extension PageFactory {
    func guidePages() -> [Page] {
        let indexPage = page(.guides, template: "guides", title: "Guides",
                             description: "Foundation pages: the ideas the patterns build on.", section: .guides,
                             GuideIndexView(guides: index.guides.map {
                                 .init(href: Route.guides.link(to: .guide($0.id)), title: $0.title, summary: $0.summary)
                             }))
        return [indexPage] + index.guides.map { guide in
            let route = Route.guide(guide.id)
            let rendered = markdown[guide.source.path]
            return page(route, template: "guide", title: guide.title, description: guide.summary, section: .guides,
                        GuideView(title: guide.title, summary: guide.summary, toc: tableOfContents(rendered),
                                  body: rendered?.html ?? "",
                                  tags: tagViews(guide.tags, from: route),
                                  references: guide.references, updated: guide.updated?.description,
                                  editURL: editURL(guide.source.path),
                                  up: LinkView(href: route.link(to: .guides), title: "Guides")))
        }
    }
}
