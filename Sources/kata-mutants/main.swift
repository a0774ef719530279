import Foundation
import KataMutation
import PatternsKatas

// kata-mutants --output FILE [--hand-written EDITS.json] [--exclude ID]... SOLUTION.swift...
//
// Writes the mutant schemata of the given solution files, as JSON (`GeneratedMutants`), to
// FILE, with the hand-written mutants of EDITS.json (`[HandWrittenEdit]`) folded in where they
// can be. `patterns kata verify --mutant-generator` runs it once per kata, and again without the
// mutants that did not compile.
let usage = "usage: kata-mutants --output FILE [--hand-written EDITS.json] [--exclude ID]... SOLUTION.swift..."
var arguments = CommandLine.arguments.dropFirst()
var output: String?
var handWrittenFile: String?
var excluding: Set<String> = []
var inputs: [String] = []
while let argument = arguments.popFirst() {
    switch argument {
    case "--output": output = arguments.popFirst()
    case "--hand-written": handWrittenFile = arguments.popFirst()
    case "--exclude": if let id = arguments.popFirst() { excluding.insert(id) }
    default: inputs.append(argument)
    }
}
guard let output, !inputs.isEmpty else {
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(2)
}
do {
    var files: [String: String] = [:]
    for path in inputs {
        files[URL(fileURLWithPath: path).lastPathComponent] = try String(contentsOfFile: path, encoding: .utf8)
    }
    let handWritten = try handWrittenFile.map {
        try JSONDecoder().decode([HandWrittenEdit].self, from: Data(contentsOf: URL(fileURLWithPath: $0)))
    } ?? []
    let generated = MutantSchemata.generate(files: files, handWritten: handWritten, excluding: excluding)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    try encoder.encode(generated).write(to: URL(fileURLWithPath: output))
} catch {
    FileHandle.standardError.write(Data("kata-mutants: \(error)\n".utf8))
    exit(1)
}
