import Foundation
import Testing
import PatternsContent

/// The READMEs state how many patterns have a kata, and list the katas in order; those facts
/// are written by hand, so they are checked against the content here.
@Suite("README counts match the content")
struct ReadmeCountsTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func catalogue() throws -> Catalogue {
        let result = ContentLoader(fileSystem: LocalFileSystem(root: repository), history: NoRevisionHistory()).load()
        return try #require(result.catalogue, "the real content must load")
    }

    /// Every "N of the M patterns" in a file, as (N, M).
    static func counts(in file: String) throws -> [[Int]] {
        let text = try String(contentsOfFile: "\(repository)/\(file)", encoding: .utf8)
        let regex = try NSRegularExpression(pattern: #"(\d+) of the (\d+) patterns"#)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (1...2).map { Int((text as NSString).substring(with: match.range(at: $0)))! }
        }
    }

    @Test("\"N of the M patterns have a kata\" in both READMEs is today's count", arguments: ["README.md", "katas/README.md"])
    func kataCount(_ file: String) throws {
        let catalogue = try Self.catalogue()
        let expected = [catalogue.patterns.filter { $0.kata != nil }.count, catalogue.patterns.count]
        let found = try Self.counts(in: file)
        #expect(!found.isEmpty, "\(file) states no count")
        for count in found { #expect(count == expected, "\(file) says \(count[0]) of \(count[1]); the content has \(expected[0]) of \(expected[1])") }
    }

    @Test("katas/README.md's table lists every kata in the suggested order")
    func kataTable() throws {
        let katas = try Self.catalogue().katas.sorted { ($0.order, $0.id) < ($1.order, $1.id) }
        let text = try String(contentsOfFile: "\(Self.repository)/katas/README.md", encoding: .utf8)
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.first(where: \.isNumber) != nil }
            .map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
        #expect(rows.map { $0[1] } == katas.map(\.id))
        #expect(rows.map { $0[0] } == katas.map { "\($0.order)" })
        #expect(rows.map { $0[2] } == katas.map(\.difficulty.rawValue))
    }
}
