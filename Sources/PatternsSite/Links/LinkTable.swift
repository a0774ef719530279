import PatternsMarkdown

/// Phase one of link checking: every Markdown file that becomes a page, with its page and anchors.
///
/// Built before anything is rendered, so that a link to a page rendered later can be checked and
/// rewritten as reliably as a link to one rendered earlier.
public struct LinkTable: Sendable {
    public struct Target: Sendable {
        public var route: Route
        public var anchors: Set<String>
    }

    /// Keyed by source path, e.g. `content/patterns/saga.md`.
    private var targets: [String: Target] = [:]

    public init() {}

    public mutating func add(file: String, route: Route, anchors: Set<String>) {
        targets[file] = Target(route: route, anchors: anchors)
    }

    /// Phase two: what a link written as `destination` in `file` (shown on `page`) becomes.
    ///
    /// Links to other content are written by file (`saga.md#solution`) so they work on GitHub too;
    /// here they become relative page URLs. External URLs and other files pass through unchanged.
    public func resolve(_ destination: String, from file: String, on page: Route) -> LinkResolution {
        if destination.isEmpty || LinkTable.isExternal(destination) { return .unchanged }
        let (pathPart, fragment) = LinkTable.split(destination)
        if pathPart.isEmpty {
            // `#anchor` on the same page.
            guard let fragment, let own = targets[file] else { return .unchanged }
            return own.anchors.contains(fragment)
                ? .unchanged : .missingAnchor("no heading with anchor '#\(fragment)' in this page")
        }
        guard pathPart.hasSuffix(".md") else { return .unchanged }
        let resolved = LinkTable.normalize(directory(of: file) + pathPart)
        guard let target = targets[resolved] else {
            return .missingPage("no such file '\(resolved)'" + suggestion(for: resolved, writtenAs: pathPart))
        }
        if let fragment, !target.anchors.contains(fragment) {
            return .missingAnchor("'\(resolved)' has no heading or id '\(fragment)'")
        }
        return .rewritten(page.link(to: target.route) + (fragment.map { "#\($0)" } ?? ""))
    }

    /// `; did you mean '../patterns/saga.md'?` when a page in the same folder has a close name.
    private func suggestion(for resolved: String, writtenAs written: String) -> String {
        let folder = directory(of: resolved)
        let siblings = targets.keys.filter { directory(of: $0) == folder }.map { String($0.dropFirst(folder.count)) }
        let name = String(resolved.dropFirst(folder.count))
        guard let match = Suggestion.closest(to: name, in: siblings.sorted()) else { return "" }
        return "; did you mean '\(directory(of: written) + match)'?"
    }

    private func directory(of file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return "" }
        return String(file[...slash])
    }

    static func isExternal(_ destination: String) -> Bool {
        if destination.hasPrefix("//") || destination.hasPrefix("/") { return true }
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }

    static func split(_ destination: String) -> (path: String, fragment: String?) {
        guard let hash = destination.firstIndex(of: "#") else { return (destination, nil) }
        return (String(destination[..<hash]), String(destination[destination.index(after: hash)...]))
    }

    /// Resolves `.` and `..` segments: `content/patterns/../guides/a.md` → `content/guides/a.md`.
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty && parts.last != ".." { parts.removeLast() } else { parts.append(part) }
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}
