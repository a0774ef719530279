import PatternsContent
import PatternsMarkdown

/// A pattern's related patterns, known uses and references are said once, in its front matter,
/// and rendered as the page's end matter; a body section of the same name would say them twice
/// (and the two copies drift apart).
enum EndMatterHeadings {
    /// Heading text, lowercased, and the front-matter key that owns that list.
    static let ownedLists = ["related patterns": "related", "known uses": "known_uses", "references": "references"]

    static func problems(in rendered: RenderedMarkdown, of document: MarkdownDocument) -> [Diagnostic] {
        // Pattern pages only: a guide or a kata's instructions may well have a "References" section.
        guard document.route.path.hasPrefix(Route.patternIndex.path) else { return [] }
        return rendered.headings.compactMap { heading in
            guard heading.level >= 2, let key = ownedLists[heading.text.lowercased()] else { return nil }
            let location = SourceLocation(file: document.file, line: document.firstLine + heading.line - 1,
                                          column: heading.column)
            return .error(at: location, "the front matter owns this list: move the section '\(heading.text)' into '\(key)' and delete it from the body")
        }
    }
}
