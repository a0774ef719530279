import PatternsContent
@testable import PatternsSite
import Testing

/// A field a page leaves out renders as absent, never as an outer context's field of that name.
@Suite("Template contract: absent fields do not leak")
struct TemplateContractTests {
    struct Outer: Sendable {
        var description: String
        var entries: [Entry]
    }
    struct Entry: Sendable {
        var title: String
        var description: String?
    }

    func render(_ template: String, _ context: Outer) throws -> String {
        let fileSystem = InMemoryFileSystem(files: ["templates/t.mustache": template])
        let renderer = try TemplateRenderer(fileSystem: fileSystem, directory: "templates")
        return try renderer.render(Page(route: .home, template: "t", context: context))
    }

    @Test("a nil field is empty in a variable and false in a section, not the outer value")
    func nilFieldStaysAbsent() throws {
        let context = Outer(description: "OUTER", entries: [
            Entry(title: "a", description: nil), Entry(title: "b", description: "own"),
        ])
        let template = "{{#entries}}[{{title}}:{{description}}|{{#description}}has{{/description}}{{^description}}none{{/description}}]{{/entries}}"
        #expect(try render(template, context) == "[a:|none][b:own|has]")
    }

    @Test("a name the inner value does not have still reaches the outer context")
    func missingNameClimbs() throws {
        let context = Outer(description: "OUTER", entries: [Entry(title: "a", description: nil)])
        #expect(try render("{{#entries}}{{title}} in {{description}}{{/entries}}|{{#entries}}{{entries.count}}{{/entries}}", context)
            .hasPrefix("a in |"))
        #expect(try render("{{#entries}}{{title}}/{{#empty(entries)}}x{{/empty(entries)}}{{/entries}}", context) == "a/")
    }

    @Test("the tag index prints its lead once, not under every tag that has no description")
    func tagIndexDoesNotRepeatItsLead() async throws {
        let files = try #require(try await GoldenTests.rendered())
        let tags = try #require(files["tags/index.html"])
        let lead = "Tags used by more than one page"
        #expect(tags.components(separatedBy: ">" + lead).count - 1 == 1, "printed once, as the lead")
        let tagPage = try #require(files["tags/fail-fast/index.html"])
        #expect(!tagPage.contains("<p class=\"lead\">"), "a tag without a description has no lead")
    }
}
