/// A file of the finished site, in memory until the writer puts the whole site in place.
public struct OutputFile: Sendable, Hashable {
    /// Relative to the output folder, e.g. `patterns/retry/index.html`.
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}
