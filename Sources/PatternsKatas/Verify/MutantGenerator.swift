import Foundation
import PatternsContent

/// Produces a kata's generated mutants as schemata; `kata-mutants` does it in a child process.
public protocol MutantGenerating: Sendable {
    /// - Parameters:
    ///   - solutionFiles: paths of the kata's reference files (`.meta/solution/`).
    ///   - handWritten: kata.yml's mutants, to fold into the schemata where they can be.
    ///   - excluding: ids of mutants to leave out (they did not compile), generated or hand-written.
    func generate(kataID: String, solutionFiles: [String], handWritten: [HandWrittenEdit], excluding: Set<String>) async throws -> GeneratedMutants
}

/// Runs the `kata-mutants` executable and reads the JSON it writes.
public struct ExternalMutantGenerator: MutantGenerating {
    public var executable: String
    public var runner: ProcessRunner
    public var fileSystem: FileSystem
    /// Where the JSON files go, one per kata.
    public var outputDirectory: String

    public init(executable: String, runner: ProcessRunner, fileSystem: FileSystem, outputDirectory: String) {
        self.executable = executable
        self.runner = runner
        self.fileSystem = fileSystem
        self.outputDirectory = outputDirectory
    }

    public func generate(kataID: String, solutionFiles: [String], handWritten: [HandWrittenEdit], excluding: Set<String>) async throws -> GeneratedMutants {
        try fileSystem.createDirectory(at: outputDirectory)
        let output = join(outputDirectory, "\(kataID).json")
        let edits = join(outputDirectory, "\(kataID).hand-written.json")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try fileSystem.write(String(decoding: try encoder.encode(handWritten), as: UTF8.self), to: edits)
        let exclusions = excluding.sorted().flatMap { ["--exclude", $0] }
        let request = ProcessRequest([executable, "--output", output, "--hand-written", edits] + exclusions + solutionFiles,
                                     in: ".", timeout: .seconds(120))
        let outcome = try await runner.run(request)
        guard outcome.succeeded else {
            throw MutantGenerationError(kataID: kataID, message: "kata-mutants failed: \(outcome.output)")
        }
        let json = try fileSystem.readText(at: output)
        do {
            return try JSONDecoder().decode(GeneratedMutants.self, from: Data(json.utf8))
        } catch {
            throw MutantGenerationError(kataID: kataID, message: "kata-mutants wrote unreadable JSON to \(output): \(error)")
        }
    }
}

public struct MutantGenerationError: Error, CustomStringConvertible {
    public var kataID: String
    public var message: String
    public var description: String { "\(kataID): \(message)" }
}

/// Blames compiler errors in a schemata build on the generated mutants whose code holds them.
public enum SchemataBlame {
    /// The ids of the innermost mutants containing each error; nil when no error lies inside a
    /// mutant (then the schemata itself is broken, not one mutant). Errors outside every mutant
    /// are left alone while some lie inside: an ill-typed arm (`array - array`) leaves the value
    /// it was assigned to untyped, and every later use of that value reports an error too.
    public static func blame(_ errors: [CompilerErrors.Entry], on mutants: [GeneratedMutant]) -> Set<String>? {
        var blamed: Set<String> = []
        for error in errors {
            guard let (file, line, column) = position(of: error) else { continue }
            if error.line.contains("reasonable time") {
                // An ill-typed arm (`instant + instant`) makes the solver give up on the whole
                // expression and point at its start: blame every mutant inside it.
                let inside = mutants.filter { $0.file == file && $0.region.startLine == line && $0.region.startColumn >= column }
                // Arithmetic swaps are the usual culprits; the others go only if that was not enough.
                let arithmetic = inside.filter { $0.id.contains("/arithmetic/") }
                if !inside.isEmpty {
                    blamed.formUnion((arithmetic.isEmpty ? inside : arithmetic).map(\.id))
                    continue
                }
            }
            let holders = mutants.filter { $0.file == file && $0.region.contains(line: line, column: column) }
            if let innermost = holders.min(by: { $0.region.size < $1.region.size }) { blamed.insert(innermost.id) }
        }
        return blamed.isEmpty ? nil : blamed
    }

    /// `…/Sources/File.swift:12:5: error: …` → ("File.swift", 12, 5).
    static func position(of error: CompilerErrors.Entry) -> (String, Int, Int)? {
        guard let range = error.line.range(of: error.path + ":") else { return nil }
        let numbers = error.line[range.upperBound...].split(separator: ":", maxSplits: 2)
        guard numbers.count >= 2, let line = Int(numbers[0]), let column = Int(numbers[1]) else { return nil }
        let file = error.path.split(separator: "/").last.map(String.init) ?? error.path
        return (file, line, column)
    }
}
