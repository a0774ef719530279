// swift-tools-version: 6.0
import PackageDescription

// The generator: content/ + templates/ in, site/ out. The katas live in their own
// package (katas/) so that a learner's first `swift test` there stays small.
let package = Package(
    name: "patterns",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "patterns", targets: ["patterns"]),
        // A maintainer's tool that `make test` runs; `patterns` never links swift-syntax.
        .executable(name: "kata-mutants", targets: ["kata-mutants"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        // The katas package, for its learner's loop (KataLearner), shared by `patterns kata`.
        .package(path: "katas"),
        // 603 parses the language of the Swift 6.3 toolchain the katas are written for.
        .package(url: "https://github.com/swiftlang/swift-syntax", from: "603.0.1"),
    ],
    targets: [
        // Debian's cmark-gfm (libcmark-gfm-dev + libcmark-gfm-extensions-dev).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Typed content: front matter → Pattern, Problem, Category…, with validation in one place.
        .target(
            name: "PatternsContent",
            dependencies: ["Yams", "TOMLKit"]
        ),
        // Markdown → HTML on cmark-gfm, plus admonitions, tabs, anchors, TOC, links, highlighting.
        .target(
            name: "PatternsMarkdown",
            dependencies: ["CCmarkGFM"]
        ),
        // The build pipeline: load → validate → index → render → write.
        .target(
            name: "PatternsSite",
            dependencies: [
                "PatternsContent",
                "PatternsMarkdown",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // The learner's loop and the maintainer's verification of the katas package.
        .target(
            name: "PatternsKatas",
            dependencies: ["PatternsContent", .product(name: "KataLearner", package: "katas")]
        ),
        // Generated mutants of the kata references, compiled as schemata (one build per kata).
        .target(
            name: "KataMutation",
            dependencies: [
                "PatternsKatas",
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftParser", package: "swift-syntax"),
                .product(name: "SwiftOperators", package: "swift-syntax"),
            ]
        ),
        .executableTarget(name: "kata-mutants", dependencies: ["KataMutation"]),
        .executableTarget(
            name: "patterns",
            dependencies: [
                "PatternsSite",
                "PatternsKatas",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "PatternsContentTests", dependencies: ["PatternsContent"]),
        .testTarget(name: "PatternsMarkdownTests", dependencies: ["PatternsMarkdown"]),
        .testTarget(
            name: "PatternsSiteTests",
            dependencies: ["PatternsSite"],
            // Fixture sites and golden files are read through #filePath, not bundled.
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "PatternsKatasTests", dependencies: ["PatternsKatas"]),
        .testTarget(name: "KataMutationTests", dependencies: ["KataMutation"]),
    ]
)

// The libFuzzer target, declared only for `make fuzz` (PATTERNS_FUZZ=1): its main calls
// libFuzzer's driver, which only -sanitize=fuzzer links in, and ordinary builds do not pass it.
if Context.environment["PATTERNS_FUZZ"] != nil {
    package.targets += [
        .target(name: "CLibFuzzer"),
        .executableTarget(name: "PatternsFuzz", dependencies: ["CLibFuzzer", "PatternsContent", "PatternsMarkdown"]),
    ]
}
