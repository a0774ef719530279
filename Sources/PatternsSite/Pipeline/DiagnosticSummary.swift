import PatternsContent

/// How a run's diagnostics are shown on the command line: one sorted line each, then a count.
public enum DiagnosticSummary {
    public static func lines(_ diagnostics: Diagnostics) -> [String] {
        diagnostics.sorted.map(\.description)
    }

    /// `2 errors, 1 warning`.
    public static func counts(_ diagnostics: Diagnostics) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(diagnostics.errors.count, "error")), \(plural(diagnostics.warnings.count, "warning"))"
    }
}
