import Foundation
import PatternsContent
@testable import PatternsSite
import Testing

/// Runs every case of Fixtures/hostile/cases.tsv against a fresh copy of the test site.
@Suite("Hostile and careless input")
struct HostileInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var input: String
        var placedAt: String
        var check: String
        var text: String
        var testDescription: String { "\(input) → \(check) \(text)" }
    }

    static let folder = Paths.fixtures.appendingPathComponent("hostile")

    static let cases: [Case] = {
        let manifest = (try? String(contentsOf: folder.appendingPathComponent("cases.tsv"), encoding: .utf8)) ?? ""
        return manifest.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Case(input: fields[0], placedAt: fields[1], check: fields[2], text: fields[3])
        }
    }()

    @Test("the catalogue is not empty") func catalogueLoads() {
        #expect(Self.cases.count > 30)
    }

    @Test(arguments: cases)
    func hostileInput(_ hostile: Case) async throws {
        let root = try Self.copyOfTestSite()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let site = BuildPipeline(fileSystem: LocalFileSystem(root: root), history: NoRevisionHistory())
        let first = try await site.build(output: "site")
        try #require(first.succeeded, "the unmodified test site must build")
        let previous = try snapshot(of: root + "/site")

        try Self.place(hostile, in: root)
        var messages: [String] = []
        var succeeded = false
        do {
            let result = try await site.build(output: "site")
            messages = DiagnosticSummary.lines(result.diagnostics)
            succeeded = result.succeeded
        } catch {
            messages = ["\(error)"]
        }

        switch hostile.check {
        case "error":
            #expect(!succeeded)
            #expect(messages.contains { $0.contains(hostile.text) }, "got: \(messages)")
            #expect(try snapshot(of: root + "/site") == previous)
        case "builds":
            #expect(succeeded, "got: \(messages)")
        case "absent":
            for (path, bytes) in try snapshot(of: root + "/site") {
                #expect(!String(decoding: bytes, as: UTF8.self).contains(hostile.text), "\(path) contains \(hostile.text)")
            }
        default:
            Issue.record("unknown check '\(hostile.check)'")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasPrefix("site.") }
        #expect(leftovers.isEmpty, "left behind: \(leftovers)")
    }

    /// content/ and katas/ of the test site and the repository's templates/, in a fresh folder.
    static func copyOfTestSite() throws -> String {
        let root = try temporaryFolder()
        let manager = FileManager.default
        for part in ["content", "katas"] {
            try manager.copyItem(atPath: Paths.fixture("test-site") + "/" + part, toPath: root + "/" + part)
        }
        try manager.copyItem(atPath: Paths.templates, toPath: root + "/templates")
        return root
    }

    static func place(_ hostile: Case, in root: String) throws {
        let target = root + "/" + hostile.placedAt
        let manager = FileManager.default
        try? manager.removeItem(atPath: target)
        switch hostile.input {
        case "@symlink-outside":
            let outside = try temporaryFolder() + "/secret.md"
            try Data(contentsOf: folder.appendingPathComponent("crlf-yaml-page.md")).write(to: URL(fileURLWithPath: outside))
            try manager.createSymbolicLink(atPath: target, withDestinationPath: outside)
        case "@symlink-devzero":
            try manager.createSymbolicLink(atPath: target, withDestinationPath: "/dev/zero")
        case "@symlink-loop":
            try manager.createSymbolicLink(atPath: target, withDestinationPath: target)
        case "@fifo":
            #expect(mkfifo(target, 0o644) == 0)
        case "@directory":
            try manager.createDirectory(atPath: target, withIntermediateDirectories: false)
        case "@too-large":
            let page = try Data(contentsOf: URL(fileURLWithPath: Paths.fixture("test-site") + "/" + hostile.placedAt))
            try (page + Data(repeating: UInt8(ascii: "a"), count: 17 * 1024 * 1024)).write(to: URL(fileURLWithPath: target))
        case "@missing-stylesheet":
            break
        default:
            try manager.copyItem(atPath: folder.appendingPathComponent(hostile.input).path, toPath: target)
        }
    }
}

@Suite("Where the output may go")
struct OutputPlacementTests {
    @Test(arguments: ["content/patterns/zz-out.md", "content", "./templates/x", "katas/../content/out", ".", "content/.."])
    func outputInsideAnInputIsRefused(_ output: String) {
        #expect(throws: OutputPlacement.Refusal.self) { try OutputPlacement(layout: .init()).check(output) }
    }

    @Test(arguments: ["site", "build/site", ".build/html-check", "contents", "/tmp/site"])
    func outputElsewhereIsAccepted(_ output: String) throws {
        try OutputPlacement(layout: .init()).check(output)
    }
}
