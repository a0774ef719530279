import Foundation
import PatternsContent
import PatternsMarkdown

/// Type-checks the Swift in the content, so the code readers copy compiles.
///
/// The ```` ```swift ```` blocks of one page (not ```` ```swift ignore ````) are joined in order into
/// one file, as a reader following the page would, and checked with `swiftc -typecheck -swift-version 6`. Each
/// compiler error is mapped back to the Markdown line and column it came from.
public struct SwiftCodeChecker: Sendable {
    /// A joined page: the Swift file's lines, each with where it was written.
    struct Unit: Sendable {
        var document: MarkdownDocument
        var code: String
        var origins: [SourceLocation]
    }

    let swiftc: String
    let parallelism: Int

    public init(swiftc: String = "swiftc", parallelism: Int = 2) {
        self.swiftc = swiftc
        self.parallelism = parallelism
    }

    public func check(_ documents: [MarkdownDocument]) async -> [Diagnostic] {
        let units = documents.compactMap(Self.unit)
        var diagnostics: [Diagnostic] = []
        await withTaskGroup(of: [Diagnostic].self) { group in
            var pending = units[...]
            // At most `parallelism` compilers at once: each is memory-hungry.
            for _ in 0..<parallelism {
                guard let unit = pending.popFirst() else { break }
                group.addTask { await typecheck(unit) }
            }
            for await found in group {
                diagnostics += found
                if let unit = pending.popFirst() { group.addTask { await typecheck(unit) } }
            }
        }
        return diagnostics
    }

    static let prelude = "import Foundation\n"

    static func unit(for document: MarkdownDocument) -> Unit? {
        let blocks = MarkdownRenderer().codeBlocks(in: document.markdown).filter {
            $0.language == "swift" && !$0.info.split(separator: " ").contains("ignore")
        }
        guard !blocks.isEmpty else { return nil }
        let sourceLines = document.markdown.split(separator: "\n", omittingEmptySubsequences: false)
        // Foundation is available to every page, as the content format promises, without each
        // page's first block having to import it.
        var code = prelude
        var origins = [SourceLocation(file: document.file, line: document.firstLine, column: 1)]
        for block in blocks {
            for (offset, line) in block.code.split(separator: "\n", omittingEmptySubsequences: false).dropLast().enumerated() {
                let bodyLine = block.line + 1 + offset
                // A fence inside an admonition or tab is indented; the block's code is not.
                let raw = bodyLine - 1 < sourceLines.count ? sourceLines[bodyLine - 1] : ""
                let indent = raw.hasSuffix(line) ? raw.count - line.count : 0
                code += line + "\n"
                origins.append(SourceLocation(file: document.file, line: document.firstLine + bodyLine - 1, column: indent + 1))
            }
        }
        return Unit(document: document, code: code, origins: origins)
    }

    private func typecheck(_ unit: Unit) async -> [Diagnostic] {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("patterns-typecheck-\(UUID().uuidString)")
        let file = directory.appendingPathComponent("page.swift")
        let fallback = SourceLocation(file: unit.document.file, line: unit.document.firstLine, column: 1)
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try unit.code.write(to: file, atomically: true, encoding: .utf8)
            // Swift 6 mode, as the katas build: a reader copying the code into a new package gets
            // strict concurrency checking, so the pages must pass it too.
            let output = try await run([swiftc, "-typecheck", "-swift-version", "6", file.path])
            return Self.errors(in: output, file: file.path, unit: unit)
        } catch {
            return [.error(at: fallback, "could not type-check the Swift code: \(error)")]
        }
    }

    /// `…/page.swift:12:5: error: cannot find 'x' in scope` → the Markdown location.
    static func errors(in output: String, file: String, unit: Unit) -> [Diagnostic] {
        output.split(separator: "\n").compactMap { line in
            guard line.hasPrefix(file + ":") else { return nil }
            let parts = line.dropFirst(file.count + 1).split(separator: ":", maxSplits: 3)
            guard parts.count == 4, let row = Int(parts[0]), let column = Int(parts[1]),
                  parts[2].trimmingCharacters(in: .whitespaces) == "error"
            else { return nil }
            let origin = row - 1 < unit.origins.count ? unit.origins[row - 1] : unit.origins.last!
            let location = SourceLocation(file: origin.file, line: origin.line, column: origin.column + column - 1)
            return .error(at: location, "Swift: " + parts[3].trimmingCharacters(in: .whitespaces))
        }
    }

    /// Runs a process to completion without blocking a thread of the cooperative pool.
    private func run(_ arguments: [String]) async throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        return try await withCheckedThrowingContinuation { continuation in
            // Read on a plain thread: the output must be drained while the compiler runs.
            Thread.detachNewThread {
                do {
                    try process.run()
                    let data = pipe.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    continuation.resume(returning: String(decoding: data, as: UTF8.self))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}
