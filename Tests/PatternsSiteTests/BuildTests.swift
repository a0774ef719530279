import Foundation
import PatternsContent
@testable import PatternsSite
import Testing

@Suite("Building: failures, determinism, the real content")
struct BuildTests {
    /// Every problem of the broken fixture, in the order the command prints them.
    static let expectedBrokenDiagnostics = [
        "content/categories.yml:1:7: warning: category 'resilience' is not used by any pattern",
        "content/categories.yml:4:7: warning: category 'writes' is not used by any pattern",
        "content/guides/intro.md:7:6: error: link to missing page '../patterns/gamma.md': no such file 'content/patterns/gamma.md'",
        "content/guides/intro.md:8:6: error: link to missing page '../patterns/bta.md': no such file 'content/patterns/bta.md'; did you mean '../patterns/beta.md'?",
        "content/guides/intro.md:10:1: warning: '# ' makes a second h1 on the page (its title is the first); use '## ' for sections",
        "content/patterns/alpha.md:8:13: error: unknown difficulty 'expert' (expected beginner, intermediate or advanced)",
        "content/patterns/alpha.md:20:16: error: link to missing page 'missing.md': no such file 'content/patterns/missing.md'",
        "content/patterns/alpha.md:21:1: error: link to missing anchor '#nowhere' in 'beta.md': 'content/patterns/beta.md' has no heading or id 'nowhere'",
        "content/patterns/beta.md:6:1: error: unknown category 'resilience-engineering'",
        "content/problems.yml:1:7: warning: problem 'handle-failures' is not used by any pattern",
        "content/problems.yml:4:7: warning: problem 'avoid-duplicates' has only one pattern (offer at least two ways to solve it)",
    ]

    @Test("a broken site reports every problem at once and leaves the previous output intact")
    func brokenSite() async throws {
        let output = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: output) }
        // A previous build's output, with the marker that makes it ours to replace.
        try "old home".write(toFile: output + "/index.html", atomically: true, encoding: .utf8)
        try "".write(toFile: output + "/" + OutputWriter.markerName, atomically: true, encoding: .utf8)
        let before = try snapshot(of: output)

        let result = try await pipeline(root: Paths.fixture("broken-site")).build(output: output)

        #expect(!result.succeeded)
        #expect(DiagnosticSummary.lines(result.diagnostics) == Self.expectedBrokenDiagnostics)
        #expect(DiagnosticSummary.counts(result.diagnostics) == "6 errors, 5 warnings")
        #expect(try snapshot(of: output) == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: (output as NSString).deletingLastPathComponent)
        #expect(!siblings.contains { $0.hasPrefix((output as NSString).lastPathComponent + ".tmp-") })
    }

    @Test("two builds of the same content are byte-identical")
    func deterministic() async throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let first = parent + "/first", second = parent + "/second"
        let site = pipeline(root: Paths.fixture("test-site"))
        _ = try await site.build(output: first)
        _ = try await site.build(output: second)
        let a = try snapshot(of: first), b = try snapshot(of: second)
        #expect(!a.isEmpty)
        #expect(a == b)
        // Rebuilding over our own output replaces it.
        _ = try await site.build(output: first)
        #expect(try snapshot(of: first) == a)
        // No staging or retired folders are left beside the output.
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent).sorted() == ["first", "second"])
    }

    @Test("the repository's content builds with no errors and no warnings")
    func realContent() async throws {
        let root = Paths.repository.path
        let result = try await pipeline(root: root, history: GitRevisionHistory(repositoryRoot: root)).render()
        #expect(DiagnosticSummary.lines(result.diagnostics) == [])
        #expect(result.succeeded)
    }
}

@Suite("OutputWriter")
struct OutputWriterTests {
    let files = [OutputFile(path: "index.html", text: "new"), OutputFile(path: "a/b/index.html", text: "deep")]

    @Test("writes a new folder with the marker, then replaces its own output")
    func writesAndReplaces() throws {
        let fileSystem = InMemoryFileSystem()
        let writer = OutputWriter(fileSystem: fileSystem, suffix: { "x" })
        try writer.write(files, to: "site")
        #expect(fileSystem.allFiles == ["site/.patterns-site", "site/a/b/index.html", "site/index.html"])
        try writer.write([OutputFile(path: "index.html", text: "newer")], to: "site")
        #expect(fileSystem.allFiles == ["site/.patterns-site", "site/index.html"])
        #expect(try fileSystem.readText(at: "site/index.html") == "newer")
    }

    @Test("refuses to replace a folder it did not make")
    func refusesForeignFolder() throws {
        let fileSystem = InMemoryFileSystem(files: ["site/notes.txt": "mine"])
        let writer = OutputWriter(fileSystem: fileSystem)
        #expect(throws: OutputWriter.WriteError.self) { try writer.write(files, to: "site") }
        #expect(fileSystem.allFiles == ["site/notes.txt"])
    }
}
