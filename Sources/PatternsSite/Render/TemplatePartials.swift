import PatternsContent

/// The partials each template includes (`{{> name}}`, and `{{< name}}` for parents), found by
/// scanning the source, because the Mustache library neither reports a missing partial (it
/// renders nothing) nor bounds recursion (a partial that includes itself overflows the stack).
struct TemplatePartials {
    struct Reference {
        var name: String
        var location: SourceLocation
    }

    /// Template name → the partials it names, in order.
    private(set) var references: [String: [Reference]] = [:]

    mutating func scan(_ source: String, template: String, path: String) {
        var found: [Reference] = []
        var line = 1
        var column = 1
        var rest = Substring(source)
        while let open = rest.range(of: "{{") {
            for character in rest[..<open.lowerBound] { if character == "\n" { line += 1; column = 1 } else { column += 1 } }
            let location = SourceLocation(file: path, line: line, column: column)
            rest = rest[open.upperBound...]
            column += 2
            guard let sigil = rest.first, sigil == ">" || sigil == "<",
                  let close = rest.range(of: "}}") else { continue }
            let name = rest[rest.index(after: rest.startIndex)..<close.lowerBound].trimmingCharacters(in: " \t")
            found.append(Reference(name: name, location: location))
        }
        references[template] = found
    }

    /// An error for every partial that names no template, and for every cycle of inclusions.
    func problems() -> [String] {
        var messages: [String] = []
        for (template, refs) in references.sorted(by: { $0.key < $1.key }) {
            for reference in refs where references[reference.name] == nil {
                messages.append("\(reference.location): template '\(template)' includes unknown partial '\(reference.name)'")
            }
        }
        var reported: Set<String> = []
        for template in references.keys.sorted() {
            guard let cycle = cycle(from: template), reported.insert(cycle.map(\.name).sorted().joined(separator: ",")).inserted
            else { continue }
            let names = ([template] + cycle.map(\.name)).joined(separator: " → ")
            messages.append("\(cycle[0].location): partials include each other without end: \(names)")
        }
        return messages
    }

    /// A path of inclusions from `start` back to itself, if there is one (depth-first).
    private func cycle(from start: String) -> [Reference]? {
        var visited: Set<String> = []
        func walk(_ name: String, _ path: [Reference]) -> [Reference]? {
            for reference in references[name] ?? [] {
                if reference.name == start { return path + [reference] }
                if visited.insert(reference.name).inserted, let found = walk(reference.name, path + [reference]) { return found }
            }
            return nil
        }
        return walk(start, [])
    }
}

private extension Substring {
    func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
