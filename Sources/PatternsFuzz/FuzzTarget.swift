import CLibFuzzer
import Foundation
import PatternsContent
import PatternsMarkdown

/// The libFuzzer target (`make fuzz`): each input becomes a content file and goes through what a
/// build does with one — decoding, front matter (the page's own, and the whole text read as a
/// YAML and as a TOML data file) and the Markdown renderer. The fuzzer looks for crashes,
/// ASan reports, leaks and inputs slower than a second.
@main
enum FuzzTarget {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            guard let data else { return 0 }
            FuzzTarget.run(Array(UnsafeBufferPointer(start: data, count: size)))
            return 0
        })
    }

    static func run(_ bytes: [UInt8]) {
        guard let text = try? SourceText.decode(bytes) else { return }
        _ = FrontMatterParser.parse(text, format: .yaml, path: "fuzz.yml")
        _ = FrontMatterParser.parse(text, format: .toml, path: "fuzz.toml")
        let body = (try? FrontMatterParser.parsePage(text, path: "fuzz.md").get())?.source.body ?? text
        let renderer = MarkdownRenderer()
        _ = renderer.anchors(in: body)
        _ = renderer.render(body) { _ in .unchanged }
    }
}
