import ArgumentParser
import Foundation
import PatternsContent
import PatternsSite

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into site/.")

    @Option(help: "The folder to write the site to; replaced as a whole, only if a previous build made it.")
    var output = "site"

    @Option(help: "The project root, holding content/, katas/ and templates/.")
    var root = "."

    func run() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let fileSystem = LocalFileSystem(root: root)
        let pipeline = BuildPipeline(fileSystem: fileSystem, history: GitRevisionHistory(repositoryRoot: root))
        // The output is relative to --root; show it as the reader can use it from here.
        let folder = root == "." ? output : fileSystem.resolve(output)
        let shown = folder.hasSuffix("/") ? folder : folder + "/"
        let result: RenderResult
        do {
            result = try await pipeline.build(output: output) { _ in
                printError("Another build is writing \(shown); waiting for it to finish…")
            }
        } catch {
            printError("error: \(error)")
            printError("Build failed. \(shown) was left as it was.")
            throw ExitCode(1)
        }
        for line in DiagnosticSummary.lines(result.diagnostics) { printError(line) }
        guard result.succeeded else {
            printError("Build failed: \(DiagnosticSummary.counts(result.diagnostics)). \(shown) was left as it was.")
            throw ExitCode(1)
        }
        let elapsed = (clock.now - start).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        print("Wrote \(result.pageCount) pages to \(shown) in \(String(format: "%.2f", seconds)) s. "
            + "Open it: python3 -m http.server --directory \(folder) 8000, then http://localhost:8000/")
    }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
