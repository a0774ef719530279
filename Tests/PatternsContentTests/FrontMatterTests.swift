import Testing
@testable import PatternsContent

@Suite struct FrontMatterSplitterTests {
    @Test func splitsYAMLAndReportsTheBodyStartLine() throws {
        let split = try FrontMatterSplitter.split("---\nid: a\n---\n# Body\ntext", path: "p.md").get()
        #expect(split.format == .yaml)
        #expect(split.frontMatter == "id: a")
        #expect(split.body == "# Body\ntext")
        #expect(split.bodyStartLine == 4)
    }

    @Test func recognisesTOMLFences() throws {
        let split = try FrontMatterSplitter.split("+++\nid = \"a\"\n+++\nBody", path: "p.md").get()
        #expect(split.format == .toml)
        #expect(split.bodyStartLine == 4)
    }

    @Test func missingFrontMatterIsAnErrorAtTheTop() {
        guard case .failure(let diagnostic) = FrontMatterSplitter.split("# Just a body\n", path: "p.md") else {
            Issue.record("expected a failure"); return
        }
        #expect(diagnostic.description.hasPrefix("p.md:1:1: error: missing front matter"))
    }

    @Test func unterminatedFrontMatterIsAnError() {
        guard case .failure(let diagnostic) = FrontMatterSplitter.split("---\nid: a\n# Body\n", path: "p.md") else {
            Issue.record("expected a failure"); return
        }
        #expect(diagnostic.message == "unterminated front matter (no closing '---' line)")
        #expect(diagnostic.location == SourceLocation(file: "p.md", line: 1, column: 1))
    }
}

@Suite struct FrontMatterParserTests {
    func entry(_ value: FrontMatterValue, _ key: String) -> (keyLocation: SourceLocation, value: FrontMatterValue)? {
        guard case .table(let entries, _) = value, let found = entries.first(where: { $0.key == key }) else { return nil }
        return (found.keyLocation, found.value)
    }

    func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: Fixtures.retryPath, line: line, column: column)
    }

    @Test func yamlPositionsAreFileLinesAndColumns() throws {
        let page = try FrontMatterParser.parsePage(Fixtures.retryYAML, path: Fixtures.retryPath).get()
        let difficulty = try #require(entry(page.frontMatter, "difficulty"))
        #expect(difficulty.keyLocation == at(6, 1))
        #expect(difficulty.value == .string("beginner", at(6, 13)))
        #expect(page.source.keyLocations["related"] == at(11, 1))
        #expect(page.source.bodyStartLine == 31)
        let related = try #require(entry(page.frontMatter, "related"))
        guard case .array(let edges, _) = related.value else { Issue.record("related is not a list"); return }
        #expect(entry(edges[0], "id")?.value == .string("timeout", at(12, 9)))
    }

    @Test func unquotedYAMLDatesBecomeDatesAndQuotedOnesStayStrings() throws {
        let value = try FrontMatterParser.parse("a: 2026-11-22\nb: '2026-11-22'\nc: 7\nd: true", format: .yaml, path: "x.yml").get()
        #expect(entry(value, "a")?.value == .date("2026-11-22", SourceLocation(file: "x.yml", line: 1, column: 4)))
        #expect(entry(value, "b")?.value == .string("2026-11-22", SourceLocation(file: "x.yml", line: 2, column: 4)))
        #expect(entry(value, "c")?.value == .integer(7, SourceLocation(file: "x.yml", line: 3, column: 4)))
        #expect(entry(value, "d")?.value == .bool(true, SourceLocation(file: "x.yml", line: 4, column: 4)))
    }

    @Test func tomlPositionsIncludeArraysOfTablesAndInlineArrays() throws {
        let page = try FrontMatterParser.parsePage(Fixtures.retryTOML, path: Fixtures.retryPath).get()
        let root = page.frontMatter
        #expect(entry(root, "difficulty")?.value == .string("beginner", at(6, 14)))
        #expect(entry(root, "updated")?.value == .date("2026-11-01", at(13, 11)))
        #expect(page.source.keyLocations["related"] == at(15, 1))
        guard case .array(let problems, _)? = entry(root, "problems")?.value else { Issue.record("no problems"); return }
        #expect(problems == [.string("handle-failures", at(8, 13))])
        guard case .array(let edges, _)? = entry(root, "related")?.value else { Issue.record("no related"); return }
        #expect(entry(edges[0], "relation")?.keyLocation == at(17, 1))
        #expect(entry(edges[0], "relation")?.value == .string("complements", at(17, 12)))
        let comparison = try #require(entry(root, "comparison"))
        #expect(entry(comparison.value, "complexity")?.value == .string("low", at(30, 14)))
    }

    @Test func tomlKeysKeepSourceOrder() throws {
        let value = try FrontMatterParser.parse("zeta = 1\nalpha = 2", format: .toml, path: "s.toml").get()
        guard case .table(let entries, _) = value else { Issue.record("not a table"); return }
        #expect(entries.map(\.key) == ["zeta", "alpha"])
    }

    @Test func yamlSyntaxErrorsPointAtTheFileLine() {
        guard case .failure(let diagnostic) = FrontMatterParser.parsePage("---\nid: a\ntitle: [unclosed\n---\n", path: "p.md") else {
            Issue.record("expected a failure"); return
        }
        #expect(diagnostic.message.hasPrefix("invalid YAML"))
        #expect(diagnostic.location.line >= 3)
        #expect(diagnostic.location.line <= 4)
    }

    @Test func tomlSyntaxErrorsPointAtTheFileLine() {
        guard case .failure(let diagnostic) = FrontMatterParser.parsePage("+++\nid = \"a\"\ntitle = \n+++\n", path: "p.md") else {
            Issue.record("expected a failure"); return
        }
        #expect(diagnostic.message.hasPrefix("invalid TOML"))
        #expect(diagnostic.location.line == 3)
    }

    /// toml++ aborts the process on these (an assertion) instead of reporting them; `make fuzz` found it.
    @Test(arguments: ["[%]", "[[+]]", "[ {]", "[\t.]", "[=]"])
    func tomlHeadersThatCannotStartAKeyAreErrorsNotAborts(header: String) {
        guard case .failure(let diagnostic) = FrontMatterParser.parsePage("+++\nid = \"a\"\n\(header)\n+++\n", path: "p.md") else {
            Issue.record("expected a failure"); return
        }
        #expect(diagnostic.message.hasPrefix("invalid TOML: a table header must start with a key"))
        #expect(diagnostic.location.line == 3)
    }

    /// A `[` that starts a line inside an array, a multi-line string or after a comment is no header.
    @Test func tomlHeaderGuardReadsOnlyTopLevelHeaders() throws {
        let toml = "+++\nid = \"a\"\nlist = [\n  [1],\n  [\"%\"],\n]\nnote = \"\"\"\n[% not a header\n\"\"\"\n[extra]\nx = 1 # [%\n+++\n"
        guard case .success = FrontMatterParser.parsePage(toml, path: "p.md") else {
            Issue.record("expected the front matter to parse"); return
        }
    }
}

@Suite struct FrontMatterEdgeCaseTests {
    @Test func duplicateYAMLKeysAreErrors() {
        let result = FrontMatterParser.parsePage("---\nid: a\nid: b\n---\n", path: "p.md")
            .mapError { Diagnostics([$0]) }.flatMap(PatternDecoder.decode)
        guard case .failure(let diagnostics) = result else { Issue.record("expected a failure"); return }
        #expect(diagnostics.all.contains { $0.message.contains("duplicate key 'id'") })
    }

    @Test func tomlScannerHandlesDottedKeysInlineTablesAndMultilineValues() throws {
        let toml = """
            title = \"\"\"
            A "long"
            title\"\"\"
            comparison.systems = "one"
            extra = { origin = "folklore", years = [1999,
              2004] }
            """
        let root = try FrontMatterParser.parse(toml, format: .toml, path: "t.toml").get()
        guard case .table(let entries, _) = root else { Issue.record("not a table"); return }
        #expect(entries.map(\.key) == ["title", "comparison", "extra"])
        guard case .table(let comparison, _) = entries[1].value, case .table(let extra, _) = entries[2].value else {
            Issue.record("expected tables"); return
        }
        #expect(comparison.first?.value == .string("one", SourceLocation(file: "t.toml", line: 4, column: 22)))
        #expect(extra.map(\.keyLocation.column) == [11, 32])
        guard case .array(let years, _) = extra[1].value else { Issue.record("expected years"); return }
        #expect(years.map(\.location) == [
            SourceLocation(file: "t.toml", line: 5, column: 41), SourceLocation(file: "t.toml", line: 6, column: 3),
        ])
    }
}
