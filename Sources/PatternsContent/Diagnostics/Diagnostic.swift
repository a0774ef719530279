/// One problem found in the content, with where it is and what was expected.
///
/// Rendered as `content/patterns/retry.md:6:13: error: unknown difficulty 'expert' (expected …)`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible, Error {
    public enum Severity: String, Hashable, Sendable {
        case error
        case warning
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public static func error(at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    public static func warning(at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// All the diagnostics of a run, so they can be reported together rather than one at a time.
public struct Diagnostics: Sendable, Error, CustomStringConvertible {
    public private(set) var all: [Diagnostic] = []

    public init(_ diagnostics: [Diagnostic] = []) {
        all = diagnostics
    }

    public mutating func append(_ diagnostic: Diagnostic) { all.append(diagnostic) }
    public mutating func append(contentsOf other: Diagnostics) { all += other.all }
    public mutating func append(contentsOf other: [Diagnostic]) { all += other }

    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var isEmpty: Bool { all.isEmpty }

    /// Sorted by file, line and column so output is stable however stages ran.
    public var sorted: [Diagnostic] {
        all.sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }

    public var description: String { sorted.map(\.description).joined(separator: "\n") }
}
