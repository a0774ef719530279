import ArgumentParser
import PatternsContent
import PatternsSite

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate content and links without writing; optionally type-check its Swift.")

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Flag(help: "Type-check every ```swift block (not ```swift ignore), page by page, with swiftc.")
    var typecheckCode = false

    @Option(help: "The project root, holding content/, katas/ and templates/.")
    var root = "."

    func run() async throws {
        let fileSystem = LocalFileSystem(root: root)
        let pipeline = BuildPipeline(fileSystem: fileSystem, history: GitRevisionHistory(repositoryRoot: root))
        var diagnostics: Diagnostics
        let pages: Int
        do {
            let result = try await pipeline.render()
            diagnostics = result.diagnostics
            pages = result.pageCount
        } catch {
            printError("error: \(error)")
            throw ExitCode(1)
        }
        if typecheckCode {
            diagnostics.append(contentsOf: await SwiftCodeChecker().check(pipeline.contentDocuments()))
        }
        for line in DiagnosticSummary.lines(diagnostics) { printError(line) }
        let failed = diagnostics.hasErrors || (strict && !diagnostics.warnings.isEmpty)
        if failed {
            printError("Check failed: \(DiagnosticSummary.counts(diagnostics))\(strict ? " (strict: warnings fail)" : "").")
            throw ExitCode(1)
        }
        print("Checked \(pages) pages: \(DiagnosticSummary.counts(diagnostics))"
            + "\(typecheckCode ? "; Swift code type-checks" : "").")
    }
}
