import PatternsContent
import PatternsMarkdown

/// The parts of a kata page that are not its instructions: highlighted stubs and rendered hints.
struct KataExtras {
    let fileSystem: any FileSystem
    let katasRoot: String
    let renderer: MarkdownRenderer

    /// `katas/ID/Sources/*.swift`, highlighted the same way as Swift in the pages.
    func sources(of kata: Kata) -> [KataSourceView] {
        let directory = "\(katasRoot)/\(kata.id)/Sources"
        return ((try? fileSystem.listDirectory(at: directory)) ?? []).filter { $0.hasSuffix(".swift") }.compactMap { name in
            guard let code = try? fileSystem.readText(at: "\(directory)/\(name)") else { return nil }
            let fence = String(repeating: "`", count: max(3, longestBacktickRun(in: code) + 1))
            let html = renderer.render("\(fence)swift\n\(code)\(code.hasSuffix("\n") ? "" : "\n")\(fence)\n") { _ in .unchanged }.html
            return KataSourceView(name: name, html: html)
        }
    }

    /// Hints are Markdown (often with `code`); they link nowhere, so links pass through.
    func hints(of kata: Kata) -> [(key: String, html: RenderedMarkdown)] {
        kata.hints.enumerated().map { offset, hint in
            (PageFactory.hintKey(kata, offset), renderer.render(hint) { _ in .unchanged })
        }
    }

    private func longestBacktickRun(in text: String) -> Int {
        var longest = 0, current = 0
        for character in text {
            current = character == "`" ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }
}
