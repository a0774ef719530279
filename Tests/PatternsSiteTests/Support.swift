import Foundation
import PatternsContent
@testable import PatternsSite

/// Paths of the repository and the fixtures, found from this file so tests run from anywhere.
enum Paths {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repository = tests.deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = tests.appendingPathComponent("Fixtures")
    static let templates = repository.appendingPathComponent("templates").path
    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }
}

/// A pipeline over a fixture site (or the repository) that uses the repository's real templates.
func pipeline(root: String, history: any RevisionHistory = NoRevisionHistory()) -> BuildPipeline {
    var layout = BuildPipeline.Layout()
    layout.templates = Paths.templates
    return BuildPipeline(fileSystem: LocalFileSystem(root: root), history: history, layout: layout)
}

/// A fresh, empty folder under the system's temporary directory.
func temporaryFolder() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("patterns-site-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}

/// Every file under `folder`, by relative path, with its bytes.
func snapshot(of folder: String) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let base = URL(fileURLWithPath: folder)
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [:] }
    for case let path as String in enumerator {
        var isDirectory: ObjCBool = false
        let url = base.appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            result[path] = try Data(contentsOf: url)
        }
    }
    return result
}

extension Pattern {
    /// A valid pattern with only what a test cares about set.
    static func fixture(
        _ id: String, title: String? = nil, category: String = "resilience", group: String? = nil,
        sortKey: Int? = nil, problems: [String] = ["p"], difficulty: Difficulty = .beginner,
        tags: [String] = [], related: [RelatedEdge] = [], updated: ContentDate? = nil
    ) -> Pattern {
        Pattern(id: id, title: title ?? id.capitalized, tagline: "Tagline of \(id).", summary: "Summary of \(id).",
                category: category, group: group, sortKey: sortKey, problems: problems, difficulty: difficulty,
                tier: .silver, isWorkInProgress: true, tags: tags, related: related, updated: updated,
                source: SourceFile(path: "content/patterns/\(id).md", body: "", bodyStartLine: 1))
    }
}

func edge(_ id: String, _ relation: Relation, _ reason: String? = nil) -> RelatedEdge {
    RelatedEdge(id: id, relation: relation, reason: reason, location: SourceLocation(file: "x", line: 1, column: 1))
}

func catalogue(_ patterns: [Pattern], groups: [String] = ["g"], katas: [Kata] = []) -> Catalogue {
    let here = SourceLocation(file: "x", line: 1, column: 1)
    return Catalogue(
        config: SiteConfig(title: "T", baseURL: "https://example.org/", description: "D", author: "A"),
        categories: [Term(id: "resilience", title: "Resilience", description: "R", location: here)],
        groups: groups.map { Term(id: $0, title: $0.uppercased(), description: $0, location: here) },
        problems: [Problem(id: "p", title: "P", description: "P", location: here)],
        paths: [], patterns: patterns, guides: [], katas: katas)
}
