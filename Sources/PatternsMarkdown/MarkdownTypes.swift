// The public value types of the Markdown component. Positions are always in the
// author's body (after front matter), 1-based, even when preprocessing moved text around.

/// A heading of the rendered page and the `id` its anchor uses.
public struct Heading: Hashable, Sendable {
    public let level: Int
    /// Plain text of the heading (inline code included, markup dropped).
    public let text: String
    /// The unique slug used as the element's `id`, e.g. `solution` or `solution-1`.
    public let id: String
    /// Where the heading starts in the body, so rules about headings can point at it.
    public let line: Int
    public let column: Int

    public init(level: Int, text: String, id: String, line: Int, column: Int) {
        self.level = level
        self.text = text
        self.id = id
        self.line = line
        self.column = column
    }
}

/// A fenced code block as written by the author.
public struct CodeBlock: Hashable, Sendable {
    /// First word of the info string (`swift` for ```` ```swift ignore ````), nil when empty.
    public let language: String?
    /// The whole info string, e.g. `swift ignore`.
    public let info: String
    /// The code between the fences, with the fence's indentation removed; ends with a newline
    /// unless empty.
    public let code: String
    /// 1-based body line of the opening fence; the first code line is `line + 1`.
    public let line: Int

    public init(language: String?, info: String, code: String, line: Int) {
        self.language = language
        self.info = info
        self.code = code
        self.line = line
    }
}

/// What the site says about a relative `.md` link.
public enum LinkResolution: Sendable {
    /// Use this URL instead (e.g. `../saga/` for `saga.md`).
    case rewritten(String)
    /// Keep the destination as written.
    case unchanged
    /// The page does not exist; the detail is appended to the problem's message when it adds
    /// something (e.g. "did you mean 'saga.md'?").
    case missingPage(String)
    /// The page exists but the fragment does not; detail as for `missingPage`.
    case missingAnchor(String)
}

/// Something wrong in the Markdown, e.g. a broken link.
public struct MarkdownProblem: Hashable, Sendable {
    /// 1-based line in the body.
    public let line: Int
    /// 1-based column in that line, counted in characters (grapheme clusters).
    public let column: Int
    public let message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }
}

/// The result of rendering one page body.
public struct RenderedMarkdown: Sendable {
    public let html: String
    /// HTML of the content before the `<!-- more -->` line; nil when the page has no marker.
    public let summaryHTML: String?
    /// Level 2 and 3 headings, in document order.
    public let tableOfContents: [Heading]
    /// Every heading, in document order.
    public let headings: [Heading]
    /// Broken links and the like, ordered by position.
    public let problems: [MarkdownProblem]
}
