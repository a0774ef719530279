import PatternsContent

/// Where the site may be written: never into the inputs, where a build would replace (or,
/// as a page, be read by) the files the author wrote.
struct OutputPlacement {
    struct Refusal: Error, CustomStringConvertible {
        var output: String
        var input: String
        var description: String {
            "--output \(output) is inside \(input)/, which the build reads; choose a folder outside content/, katas/ and templates/"
        }
    }

    let layout: BuildPipeline.Layout

    func check(_ output: String) throws {
        let target = Self.components(output)
        for input in [layout.content, layout.katas, layout.templates] {
            let inputParts = Self.components(input)
            // Inside an input, or an input itself, or an ancestor that would swallow one.
            if target.starts(with: inputParts) || inputParts.starts(with: target) {
                throw Refusal(output: output, input: input)
            }
        }
    }

    /// Path components with `.` dropped and `..` applied, so `./content/../content/x` is caught.
    private static func components(_ path: String) -> [String] {
        var parts: [String] = []
        for part in path.split(separator: "/") where part != "." {
            if part == "..", !parts.isEmpty, parts.last != ".." { parts.removeLast() } else { parts.append(String(part)) }
        }
        return parts
    }
}
