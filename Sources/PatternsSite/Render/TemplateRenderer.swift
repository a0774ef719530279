import Mustache
import PatternsContent

/// The Mustache templates of `templates/`, read through the injected file system.
///
/// Reading them ourselves (rather than letting the library scan the disk) keeps tests hermetic
/// and lets a template error name its file.
public struct TemplateRenderer: Sendable {
    public struct TemplateError: Error, CustomStringConvertible {
        public var description: String
    }

    private let library: MustacheLibrary

    public init(fileSystem: any FileSystem, directory: String) throws {
        var library = MustacheLibrary()
        let names = try fileSystem.listDirectory(at: directory).filter { $0.hasSuffix(".mustache") }
        guard !names.isEmpty else {
            throw TemplateError(description: "\(directory)/: no templates (*.mustache) found")
        }
        for name in names {
            let path = "\(directory)/\(name)"
            do {
                try library.register(try fileSystem.readText(at: path), named: String(name.dropLast(".mustache".count)))
            } catch {
                throw TemplateError(description: "\(path): cannot parse template: \(error)")
            }
        }
        self.library = library
    }

    public func render(_ page: Page) throws -> String {
        guard let html = library.render(StrictContext.wrap(page.context), withTemplate: page.template) else {
            throw TemplateError(description: "no template '\(page.template).mustache' for \(page.route)")
        }
        return html
    }
}
