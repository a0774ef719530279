import ArgumentParser
import PatternsKatas

/// `patterns kata list`: every kata in the suggested order, with the learner's progress.
struct KataList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the katas and your progress.")

    @OptionGroup var options: KataOptions

    func run() async throws {
        let environment = KataEnvironment(options)
        let (katas, _) = environment.loadKatas()
        let progress = environment.progress.load()
        var rows = [["id", "title", "difficulty", "state", "hints"]]
        var solved = 0
        for kata in katas {
            let entry = progress[kata.id]
            let sources = (try? environment.paths.swiftFiles(in: environment.paths.sources(kata), environment.fileSystem)) ?? [:]
            let state = KataState.of(entry, currentSources: sources)
            if state == .solved { solved += 1 }
            rows.append([kata.id, kata.title, kata.difficulty.rawValue, state.rawValue, "\(entry.hintsSeen)/\(kata.hints.count)"])
        }
        for line in TextTable.render(rows) { environment.console.say(line) }
        environment.console.say("")
        environment.console.say("\(solved) of \(katas.count) solved")
    }
}

/// Left-aligned columns, two spaces apart.
enum TextTable {
    static func render(_ rows: [[String]]) -> [String] {
        let widths = (0..<(rows.first?.count ?? 0)).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            zip(row, widths).map { cell, width in cell + String(repeating: " ", count: width - cell.count) }
                .joined(separator: "  ").trimmingTrailingSpaces()
        }
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        String(reversed().drop { $0 == " " }.reversed())
    }
}
