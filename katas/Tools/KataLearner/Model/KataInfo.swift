/// What the learner's tool knows of a kata: the fields of `kata.yml` a learner sees.
/// (The site and `patterns kata verify` decode the whole file, mutants included, with Yams; the
/// learner's tool must build with the toolchain alone, so it reads only these.)
public struct KataInfo: Hashable, Sendable {
    public var id: String
    public var title: String
    public var pattern: String
    /// The Swift library target with the learner's stub; its tests are `<module>Tests`.
    public var module: String
    public var difficulty: String
    public var order: Int
    public var blurb: String
    public var hints: [String]
    public var digDeeper: [String]

    public init(id: String, title: String, pattern: String, module: String, difficulty: String, order: Int,
                blurb: String, hints: [String], digDeeper: [String] = []) {
        self.id = id
        self.title = title
        self.pattern = pattern
        self.module = module
        self.difficulty = difficulty
        self.order = order
        self.blurb = blurb
        self.hints = hints
        self.digDeeper = digDeeper
    }

    public var testTarget: String { module + "Tests" }

    /// Reads the fields from a `kata.yml`'s text; `path` only names the file in errors.
    public static func parse(_ text: String, path: String) throws -> KataInfo {
        let document = try KataYAML.parse(text, path: path)
        func scalar(_ key: String) throws -> String {
            guard case .scalar(let value)? = document.values[key] else {
                throw KataYAML.Failure(path: path, line: document.lines[key] ?? 1, column: 1,
                                       expected: "a value for '\(key)'")
            }
            return value
        }
        func list(_ key: String) throws -> [String] {
            switch document.values[key] {
            case .list(let items)?: return items
            case nil: return []
            case .scalar?: throw KataYAML.Failure(path: path, line: document.lines[key] ?? 1, column: 1,
                                                  expected: "a list of strings for '\(key)'")
            }
        }
        let (id, title, pattern, module, difficulty) =
            (try scalar("id"), try scalar("title"), try scalar("pattern"), try scalar("module"), try scalar("difficulty"))
        let orderText = try scalar("order")
        guard let order = Int(orderText) else {
            throw KataYAML.Failure(path: path, line: document.lines["order"] ?? 1, column: 1,
                                   expected: "a whole number for 'order', found '\(orderText)'")
        }
        return KataInfo(
            id: id, title: title, pattern: pattern, module: module, difficulty: difficulty, order: order,
            blurb: try scalar("blurb"), hints: try list("hints"), digDeeper: try list("dig_deeper")
        )
    }
}
