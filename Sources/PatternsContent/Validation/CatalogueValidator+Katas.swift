/// Kata rules live apart from the page rules: the `patterns kata` commands run them without
/// loading the content.
extension CatalogueValidator {
    /// The rules a kata must meet on its own, also run by the `patterns kata` commands.
    public static func validateKatas(_ katas: [Kata]) -> Diagnostics {
        var diagnostics = Diagnostics()
        diagnostics.append(contentsOf: duplicates(katas.map { ($0.id, $0.source.location(of: "id")) }, kind: "kata"))
        var firstByOrder: [Int: Kata] = [:]
        for kata in katas {
            let folder = kata.source.path.split(separator: "/").dropLast().last.map(String.init) ?? ""
            if kata.id != folder {
                diagnostics.append(.error(at: kata.source.location(of: "id"), "kata id '\(kata.id)' must equal its folder name '\(folder)'"))
            }
            if !isSwiftIdentifier(kata.module) {
                diagnostics.append(.error(at: kata.source.location(of: "module"), "module '\(kata.module)' is not a Swift identifier"))
            }
            if !kata.hints.contains(where: { !$0.trimmingWhitespace.isEmpty }) {
                diagnostics.append(.error(at: kata.source.location(of: "hints"), "kata '\(kata.id)' needs at least one non-empty hint"))
            }
            if !(2...4).contains(kata.digDeeper.count) {
                diagnostics.append(.error(
                    at: kata.source.location(of: "dig_deeper"),
                    "kata '\(kata.id)' needs 2 to 4 dig_deeper notes, shown after a solve (found \(kata.digDeeper.count))"
                ))
            }
            if kata.mutants.count < 5 {
                diagnostics.append(.error(
                    at: kata.source.location(of: "mutants"),
                    "kata '\(kata.id)' needs at least 5 hand-written mutants (found \(kata.mutants.count))"
                ))
            }
            diagnostics.append(contentsOf: duplicates(kata.mutants.map { ($0.id, $0.location) }, kind: "mutant"))
            diagnostics.append(contentsOf: duplicates(kata.equivalentMutants.map { ($0.id, $0.location) }, kind: "equivalent mutant"))
            if kata.instructions.trimmingWhitespace.isEmpty {
                let instructions = SourceLocation(file: folderPath(kata) + "instructions.md", line: 1, column: 1)
                diagnostics.append(.error(at: instructions, "kata '\(kata.id)' has empty instructions"))
            }
            if let first = firstByOrder[kata.order] {
                diagnostics.append(.warning(
                    at: kata.source.location(of: "order"),
                    "kata order \(kata.order) is also used by '\(first.id)'"
                ))
            } else {
                firstByOrder[kata.order] = kata
            }
        }
        return diagnostics
    }

    static func isSwiftIdentifier(_ name: String) -> Bool {
        guard let first = name.first, first == "_" || first.isLetter else { return false }
        return name.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber } && name.unicodeScalars.allSatisfy(\.isASCII)
    }

    static func folderPath(_ kata: Kata) -> String {
        let parts = kata.source.path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        return parts.isEmpty ? "" : parts.joined(separator: "/") + "/"
    }
}
