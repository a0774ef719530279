/// Every kata of the katas package in the suggested order, and the ones whose `kata.yml` could
/// not be read — reported, but never stopping the others from being listed.
public struct KataCatalog: Sendable {
    public var katas: [KataInfo]
    public var problems: [String]

    public static func load(_ layout: KataLayout, _ fileSystem: LearnerFileSystem) -> KataCatalog {
        var katas: [KataInfo] = []
        var problems: [String] = []
        for folder in fileSystem.listDirectory(at: layout.katasRoot) {
            let path = layout.metadata(folder)
            guard fileSystem.fileExists(at: path) else { continue }
            do {
                katas.append(try KataInfo.parse(try fileSystem.readText(at: path), path: path))
            } catch {
                problems.append("\(error)")
            }
        }
        return KataCatalog(katas: katas.sorted { ($0.order, $0.id) < ($1.order, $1.id) }, problems: problems)
    }

    /// The first kata in order that is not solved; nil when all are.
    public func nextUnsolved(_ isSolved: (KataInfo) -> Bool, after current: KataInfo? = nil) -> KataInfo? {
        let start = current.flatMap { kata in katas.firstIndex(of: kata).map { $0 + 1 } } ?? 0
        let rotated = katas[start...] + katas[..<start]
        return rotated.first { !isSolved($0) && $0 != current }
    }
}

/// `[████░░░░] 3 of 8 solved`.
public enum ProgressBar {
    public static func render(solved: Int, total: Int, width: Int = 16) -> String {
        let filled = total == 0 ? 0 : min(width, solved * width / total)
        return "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "] \(solved) of \(total) solved"
    }
}
