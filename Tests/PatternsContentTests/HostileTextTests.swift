import Testing
@testable import PatternsContent

@Suite struct SourceTextTests {
    @Test func crlfLoneCRAndTheByteOrderMarkBecomePlainLines() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a\r\nb\rc\n\r\nd".utf8)
        #expect(try SourceText.decode(bytes) == "a\nb\nc\n\nd")
    }

    @Test func invalidUTF8IsReportedAtItsLineAndColumn() {
        let bytes = Array("one\ntwé\u{20}".utf8) + [0xC3, 0x28]
        #expect(throws: SourceText.DecodingError(line: 2, column: 5)) { try SourceText.decode(bytes) }
    }

    @Test func crlfPagesSplitAtTheirFencesWithFileLines() throws {
        let text = try SourceText.decode(Array("---\r\nid: x\r\n---\r\nBody\r\n".utf8))
        let split = try FrontMatterSplitter.split(text, path: "p.md").get()
        #expect(split.frontMatter == "id: x")
        #expect(split.bodyStartLine == 4)
    }
}

@Suite struct HostileFrontMatterTests {
    func error(_ yaml: String, format: FrontMatterFormat = .yaml) -> String? {
        guard case .failure(let diagnostic) = FrontMatterParser.parse(yaml, format: format, path: "f") else { return nil }
        return "\(diagnostic.location): \(diagnostic.message)"
    }

    @Test func anchorsAreRefusedWhereTheyAreWrittenBeforeAnyExpansion() {
        let bomb = (1...12).map { level in
            "l\(level): &l\(level) [" + Array(repeating: level == 1 ? "x" : "*l\(level - 1)", count: 9).joined(separator: ",") + "]"
        }.joined(separator: "\n")
        #expect(error(bomb) == "f:1:5: YAML anchors and aliases ('&l1') are not supported in content files; write the value out")
        #expect(error("a: &x 1\nb: *x") == "f:1:4: YAML anchors and aliases ('&x') are not supported in content files; write the value out")
    }

    @Test func controlCharactersAreRefusedInValuesKeysAndTOMLEscapes() {
        #expect(error("title: \"a\\0b\"")?.hasPrefix("f:1:8: control character U+0000 at character 2") == true)
        #expect(error("\"k\\x1b\": v")?.hasPrefix("f:1:1: control character U+001B") == true)
        #expect(error("title = \"a\\u0000b\"", format: .toml) == "f:1:11: control character escape '\\u0000'; remove it")
        #expect(error("title = \"a\\\\u0000b\"", format: .toml) == nil)
        #expect(error("title: \"tab\\tand\\nnewline\"") == nil)
    }

    @Test func nestingDeeperThanTheLimitIsRefused() {
        let deep = "x: " + String(repeating: "[", count: 17) + String(repeating: "]", count: 17)
        let allowed = "x: " + String(repeating: "[", count: 15) + String(repeating: "]", count: 15)
        #expect(error(deep)?.contains("nested more than 16 levels deep") == true)
        #expect(error(allowed) == nil)
    }
}
