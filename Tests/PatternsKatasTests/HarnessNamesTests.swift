import Foundation
import Testing

/// Every kata imports the harness beside its own module, so a kata type with the name of a public
/// harness type makes every use of that name ambiguous — and the kata stops compiling the day the
/// harness gains the type (chaos-engineering's `FaultPlan` did). Checked over the real katas.
@Suite struct HarnessNamesTests {
    static let katas = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("katas")

    /// Top-level `struct|class|enum|protocol|actor|typealias Name` (nested types cannot clash).
    static func declaredTypes(in text: String, publicOnly: Bool) -> Set<String> {
        let visibility = publicOnly ? "(?:public|open)\\s+(?:final\\s+)?" : "(?:(?:public|open|internal|fileprivate|private|final)\\s+)*"
        let regex = try! NSRegularExpression(pattern: "^\(visibility)(?:struct|class|enum|protocol|actor|typealias)\\s+([A-Z][A-Za-z0-9_]*)",
                                             options: .anchorsMatchLines)
        let range = NSRange(text.startIndex..., in: text)
        return Set(regex.matches(in: text, range: range).compactMap { Range($0.range(at: 1), in: text).map { String(text[$0]) } })
    }

    static func swiftFiles(under folder: URL) -> [URL] {
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        return (walker?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "swift" && !$0.path.contains("/.build") }
    }

    @Test("No kata declares a type named like a public harness type")
    func noClashes() throws {
        let harness = Self.swiftFiles(under: Self.katas.appendingPathComponent("Harness"))
            .reduce(into: Set<String>()) { $0.formUnion(Self.declaredTypes(in: (try? String(contentsOf: $1, encoding: .utf8)) ?? "", publicOnly: true)) }
        #expect(harness.contains("VirtualClock"), "the harness's public types were not found: \(harness.sorted())")
        let folders = try FileManager.default.contentsOfDirectory(at: Self.katas, includingPropertiesForKeys: nil)
            .filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("kata.yml").path) }
        #expect(folders.count > 1, "no katas found under \(Self.katas.path)")
        var clashes: [String] = []
        for folder in folders {
            for file in Self.swiftFiles(under: folder) {
                let names = Self.declaredTypes(in: (try? String(contentsOf: file, encoding: .utf8)) ?? "", publicOnly: false)
                for name in names.intersection(harness).sorted() {
                    clashes.append("\(folder.lastPathComponent)/\(file.path.dropFirst(folder.path.count + 1)): \(name)")
                }
            }
        }
        #expect(clashes.isEmpty, "kata types named like harness types (rename the kata's): \(clashes)")
    }
}
