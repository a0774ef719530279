import PatternsContent
@testable import PatternsSite
import Testing

@Suite("SwiftCodeChecker: joining blocks and mapping errors back")
struct SwiftCodeCheckerTests {
    let document = MarkdownDocument(
        file: "content/patterns/x.md", route: .pattern("x"),
        markdown: """
            Intro.

            ```swift
            let a = 1
            ```

            ```swift ignore
            this is not Swift
            ```

            !!! tip "Nested"
                ```swift
                let b: Int = "two"
                ```
            """,
        firstLine: 10)

    @Test("swift blocks are joined in order; ignored and other blocks are skipped")
    func joins() throws {
        let unit = try #require(SwiftCodeChecker.unit(for: document))
        #expect(unit.code == "import Foundation\nlet a = 1\nlet b: Int = \"two\"\n")
        #expect(unit.origins.map(\.description)
            == ["content/patterns/x.md:10:1", "content/patterns/x.md:13:1", "content/patterns/x.md:22:5"])
    }

    @Test("compiler errors point at the Markdown line and column; warnings and notes are dropped")
    func mapsErrors() throws {
        let unit = try #require(SwiftCodeChecker.unit(for: document))
        let output = """
            /tmp/p/page.swift:2:5: warning: initialization of immutable value 'a' was never used
            /tmp/p/page.swift:3:14: error: cannot convert value of type 'String' to specified type 'Int'
            /tmp/p/page.swift:3:14: note: something helpful
            """
        let found = SwiftCodeChecker.errors(in: output, file: "/tmp/p/page.swift", unit: unit)
        #expect(found.map(\.description) == [
            "content/patterns/x.md:22:18: error: Swift: cannot convert value of type 'String' to specified type 'Int'",
        ])
    }

    @Test("pages are checked in Swift 6 mode, so code a reader's new package would reject is an error")
    func swift6() async {
        // Shared mutable state: fine in Swift 5 mode, an error under Swift 6's concurrency checking.
        let page = MarkdownDocument(file: "content/patterns/y.md", route: .pattern("y"),
                                    markdown: "```swift\nfinal class Box { var n = 0 }\nstruct S { static var shared = Box() }\n```\n",
                                    firstLine: 1)
        let found = await SwiftCodeChecker().check([page])
        #expect(found.contains { $0.description.hasPrefix("content/patterns/y.md:3:") && $0.description.contains("concurrency-safe") },
                "\(found)")
    }

    @Test("a page without Swift needs no compiler")
    func noSwift() {
        let plain = MarkdownDocument(file: "f.md", route: .home, markdown: "```text\nhi\n```\n", firstLine: 1)
        #expect(SwiftCodeChecker.unit(for: plain) == nil)
    }
}
