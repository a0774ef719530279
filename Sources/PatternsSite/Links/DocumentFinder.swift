import PatternsContent

/// Finds every Markdown text that becomes a page, straight from the files.
///
/// It reads the files rather than the catalogue so that links are checked even when some front
/// matter is invalid: one run then reports broken links together with the loader's errors.
/// A file whose front matter cannot even be split is skipped here; the loader reports it.
struct DocumentFinder {
    let fileSystem: any FileSystem
    let contentRoot: String
    let katasRoot: String

    func documents() -> [MarkdownDocument] {
        pages(in: "\(contentRoot)/patterns", route: Route.pattern)
            + pages(in: "\(contentRoot)/guides", route: Route.guide)
            + kataInstructions()
    }

    private func pages(in directory: String, route: (String) -> Route) -> [MarkdownDocument] {
        ((try? fileSystem.listDirectory(at: directory)) ?? []).filter { $0.hasSuffix(".md") }.compactMap { name in
            let path = "\(directory)/\(name)"
            guard let text = try? fileSystem.readText(at: path),
                  case .success(let split) = FrontMatterSplitter.split(text, path: path)
            else { return nil }
            return MarkdownDocument(file: path, route: route(String(name.dropLast(3))), markdown: split.body,
                                    firstLine: split.bodyStartLine)
        }
    }

    /// `katas/ID/instructions.md` of every folder that is a kata (has a `kata.yml`).
    private func kataInstructions() -> [MarkdownDocument] {
        ((try? fileSystem.listDirectory(at: katasRoot)) ?? []).compactMap { folder in
            let path = "\(katasRoot)/\(folder)/instructions.md"
            guard fileSystem.fileExists(at: "\(katasRoot)/\(folder)/kata.yml"),
                  let text = try? fileSystem.readText(at: path)
            else { return nil }
            return MarkdownDocument(file: path, route: .kata(folder), markdown: Self.withoutTitle(text), firstLine: 1)
        }
    }

    /// Instructions usually open with `# Title`; the kata page already has that as its one `h1`.
    /// The line is blanked rather than removed so problems keep their line numbers.
    static func withoutTitle(_ markdown: String) -> String {
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }),
              lines[first].hasPrefix("# ")
        else { return markdown }
        lines[first] = ""
        return lines.joined(separator: "\n")
    }
}
