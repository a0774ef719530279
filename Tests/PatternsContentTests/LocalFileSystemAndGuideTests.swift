import Foundation
import Testing
@testable import PatternsContent

@Suite struct LocalFileSystemTests {
    @Test func resolvesRelativePathsAgainstTheRootAndWritesAtomically() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("content-fs-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let fs = LocalFileSystem(root: root)
        try fs.write("hello", to: "site/a/index.html")
        #expect(FileManager.default.fileExists(atPath: root + "/site/a/index.html"))
        #expect(try fs.readText(at: "site/a/index.html") == "hello")
        #expect(try fs.listDirectory(at: "site") == ["a"])
        #expect(try fs.listDirectory(at: "missing") == [])
        #expect(fs.directoryExists(at: "site/a") && !fs.fileExists(at: "site/a"))
        try fs.moveItem(from: "site", to: "out")
        #expect(try fs.readBytes(at: root + "/out/a/index.html") == Array("hello".utf8))
        try fs.removeItem(at: "out")
        #expect(!fs.directoryExists(at: "out"))
    }
}

@Suite struct GuideTests {
    static let guide = """
        ---
        id: availability
        title: Availability
        summary: What the nines mean.
        order: 2
        references:
          - title: SRE book
            url: https://sre.google/books/
        ---
        Body
        """

    @Test func guidesDecodeAndMustMatchTheirFileName() throws {
        let fs = Fixtures.tree(overriding: [
            "content/guides/availability.md": Self.guide,
            "content/guides/nines.md": Self.guide,
        ])
        let result = ContentLoader(fileSystem: fs, history: NoRevisionHistory()).load()
        #expect(result.diagnostics.errors.map(\.description) == [
            "content/guides/nines.md:2:1: error: duplicate guide id 'availability' (first at content/guides/availability.md:2:1)",
            "content/guides/nines.md:2:1: error: id 'availability' must equal the file name 'nines'",
        ])
        let valid = ContentLoader(
            fileSystem: Fixtures.tree(overriding: ["content/guides/availability.md": Self.guide]), history: NoRevisionHistory()
        ).load()
        let guide = try #require(valid.catalogue?.guides.first)
        #expect(guide.order == 2)
        #expect(guide.references == [Reference(title: "SRE book", url: "https://sre.google/books/")])
        #expect(guide.source.body == "Body")
    }

    @Test func guidesRejectPatternOnlyKeys() {
        let text = Self.guide.replacingOccurrences(of: "order: 2", with: "tier: gold")
        let result = FrontMatterParser.parsePage(text, path: "content/guides/availability.md")
            .mapError { Diagnostics([$0]) }.flatMap(GuideDecoder.decode)
        guard case .failure(let diagnostics) = result else { Issue.record("expected a failure"); return }
        #expect(diagnostics.all.map(\.message) == [
            "unknown key 'tier' (expected 'id', 'title', 'summary', 'order', 'tags', 'references' or 'updated')",
        ])
    }
}
