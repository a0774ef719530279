/// A content file as loaded: its path, its Markdown body and where things stand in it.
public struct SourceFile: Hashable, Sendable {
    /// Relative to the project root, e.g. `content/patterns/retry.md`.
    public var path: String
    /// The Markdown after the front matter.
    public var body: String
    /// The 1-based line of the file on which `body` starts, so body positions map back.
    public var bodyStartLine: Int
    /// Where each top-level front-matter key was written (for diagnostics raised after decoding).
    public var keyLocations: [String: SourceLocation]

    public init(path: String, body: String, bodyStartLine: Int, keyLocations: [String: SourceLocation] = [:]) {
        self.path = path
        self.body = body
        self.bodyStartLine = bodyStartLine
        self.keyLocations = keyLocations
    }

    /// The location of `key`, or the top of the file if the key was not written.
    public func location(of key: String) -> SourceLocation {
        keyLocations[key] ?? SourceLocation(file: path, line: 1, column: 1)
    }
}

/// A calendar date as written in front matter (`2026-11-22`) or taken from version control.
public struct ContentDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; nil for anything else or an impossible day.
    public init?(iso string: String) {
        let parts = string.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...ContentDate.days(inMonth: m, year: y)).contains(d)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            String(repeating: "0", count: max(0, width - String(n).count)) + String(n)
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// RFC 3339 timestamp at midnight UTC, as Atom wants.
    public var rfc3339: String { "\(description)T00:00:00Z" }

    public static func < (lhs: ContentDate, rhs: ContentDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
