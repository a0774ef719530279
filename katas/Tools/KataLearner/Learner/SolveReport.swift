/// What a learner reads after a solve: how their code differs from the reference, the kata's
/// decisions in brief, notes to dig deeper, the pattern page, and the next kata.
public enum SolveReport {
    public static func lines(kata: KataInfo, mine: [String: String], reference: [String: String],
                             instructions: String, patternLink: String, next: KataInfo?) -> [String] {
        var lines = ["", "How your code differs from the reference (- yours, + ours):"]
        var same = true
        for name in reference.keys.sorted() {
            let diff = LineDiff.lines(from: mine[name] ?? "", to: reference[name]!)
            guard !diff.isEmpty else { continue }
            same = false
            lines += ["", "  \(name)"] + diff.map { "    " + $0 }
        }
        if same { lines.append("  none: your code is the reference, line for line.") }
        let decisions = decisionsInBrief(instructions)
        if !decisions.isEmpty {
            lines += ["", "The decisions this kata fixed (real systems differ):"] + decisions.map { "  • " + $0 }
        }
        if !kata.digDeeper.isEmpty {
            lines += ["", "Dig deeper:"] + kata.digDeeper.map { "  • " + $0 }
        }
        lines += ["", "The pattern: \(patternLink)"]
        if let next {
            lines += ["", "Next: \(next.id) — \(next.title) (\(next.difficulty)).  swift run kata watch \(next.id)"]
        } else {
            lines += ["", "That was the last unsolved kata: every kata is solved."]
        }
        return lines
    }

    /// The bold lead of each bullet under `## Decisions this kata fixes` in instructions.md.
    static func decisionsInBrief(_ instructions: String) -> [String] {
        var inSection = false
        var decisions: [String] = []
        for line in instructions.split(separator: "\n").map(String.init) {
            if line.hasPrefix("## ") { inSection = line.hasPrefix("## Decisions") ; continue }
            guard inSection, line.hasPrefix("- **") else { continue }
            let body = line.dropFirst(4)
            guard let end = body.range(of: "**") else { continue }
            var lead = String(body[..<end.lowerBound])
            if lead.hasSuffix(":") { lead.removeLast() }
            decisions.append(lead)
        }
        return decisions
    }

    /// The pattern's page on the site (from `base_url` in content/site.toml) and its source file.
    public static func patternLink(_ pattern: String, layout: KataLayout, _ fileSystem: LearnerFileSystem) -> String {
        let page = "content/patterns/\(pattern).md"
        let config = (try? fileSystem.readText(at: layout.siteConfig)) ?? ""
        guard let line = config.split(separator: "\n").first(where: { $0.hasPrefix("base_url") }),
              let open = line.firstIndex(of: "\""), let close = line.lastIndex(of: "\""), open < close
        else { return page }
        var base = String(line[line.index(after: open)..<close])
        if !base.hasSuffix("/") { base += "/" }
        return "\(base)patterns/\(pattern)/  (source: \(page))"
    }
}
