import Testing
@testable import PatternsMarkdown

@Suite struct ConcurrencyTests {
    /// cmark-gfm mutates a global table while parsing (see CmarkDocument); without the lock,
    /// strikethrough and autolinks intermittently vanish under parallel renders.
    @Test func parallelRendersMatchSerialOnes() async {
        let pages = (0..<64).map { index in
            "## Page \(index)\n\n~~gone~~ www.example.com/\(index) [s](saga.md)\n\n!!! note\n    `code` \(index)\n\n| a |\n|---|\n| \(index) |\n"
        }
        let renderer = MarkdownRenderer()
        let expected = pages.map { renderer.render($0) { _ in .unchanged }.html }
        let results = await withTaskGroup(of: (Int, String).self) { group in
            for (index, page) in pages.enumerated() {
                for _ in 0..<4 {
                    group.addTask { (index, renderer.render(page) { _ in .unchanged }.html) }
                }
            }
            var results: [(Int, String)] = []
            for await result in group { results.append(result) }
            return results
        }
        #expect(results.count == pages.count * 4)
        for (index, html) in results {
            #expect(html == expected[index])
        }
    }
}
