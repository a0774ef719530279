/// A small package of one kata's own (harness, the learner's `Sources/`, its `Tests/`, linked in),
/// under `.build/learner/ID/`. Building it builds nothing of the other katas, so a kata that does
/// not compile never stops another from being checked — on Linux all test targets of one package
/// link into one test binary, so `swift build --target` alone would not isolate them.
public struct KataWorkspace: Sendable {
    public var layout: KataLayout
    public var kata: KataInfo

    public init(layout: KataLayout, kata: KataInfo) {
        self.layout = layout
        self.kata = kata
    }

    public var root: String { layout.workspace(kata.id) }
    public var packageName: String { "kata-\(kata.id)" }

    /// The test binary SwiftPM builds on Linux, run directly (`SwiftTestCommand.direct`).
    public var testBinary: String { SwiftTestCommand.testBinary(packageRoot: root, packageName: packageName) }

    public var manifest: String {
        """
        // swift-tools-version: 6.0
        // Written by the katas tool for one kata; its folders are links into the katas package.
        import PackageDescription

        let package = Package(
            name: "\(packageName)",
            platforms: [.macOS(.v13)],
            targets: [
                .target(name: "KataHarness", path: "Harness"),
                .target(name: "\(kata.module)", dependencies: ["KataHarness"], path: "Sources"),
                .testTarget(name: "\(kata.testTarget)", dependencies: ["\(kata.module)", "KataHarness"], path: "Tests"),
            ]
        )

        """
    }

    /// Writes the manifest (only if it changed, so builds stay incremental) and the links.
    public func prepare(_ fileSystem: LearnerFileSystem, absoluteKatasRoot: String) throws {
        let absolute = KataLayout(katasRoot: absoluteKatasRoot)
        try fileSystem.createDirectory(at: root)
        try fileSystem.writeIfChanged(manifest, to: join(root, "Package.swift"))
        try fileSystem.link(join(root, "Harness"), to: absolute.harness)
        try fileSystem.link(join(root, "Sources"), to: absolute.sources(kata.id))
        try fileSystem.link(join(root, "Tests"), to: absolute.tests(kata.id))
    }

    /// Compiler paths name the links; the learner knows the kata's own folders.
    public func learnerPath(_ text: String) -> String {
        var text = text
        for folder in ["Sources", "Tests", "Harness"] {
            let target = folder == "Harness" ? "Harness" : "\(kata.id)/\(folder)"
            text = text.replacingAll(join(root, folder) + "/", with: target + "/")
        }
        return text
    }
}
