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
        var partials = TemplatePartials()
        var problems: [String] = []
        for name in names {
            let path = "\(directory)/\(name)"
            let template = String(name.dropLast(".mustache".count))
            do {
                let source = try fileSystem.readText(at: path)
                partials.scan(source, template: template, path: path)
                try library.register(source, named: template)
            } catch let error as MustacheTemplate.ParserError {
                let location = SourceLocation(file: path, line: error.context.lineNumber, column: error.context.columnNumber)
                problems.append("\(location): cannot parse template: \(error.error)")
            } catch {
                problems.append("\(path): cannot read template: \(error)")
            }
        }
        problems += partials.problems()
        guard problems.isEmpty else { throw TemplateError(description: problems.joined(separator: "\n")) }
        self.library = library
    }

    public func render(_ page: Page) throws -> String {
        guard let html = library.render(StrictContext.wrap(page.context), withTemplate: page.template) else {
            throw TemplateError(description: "no template '\(page.template).mustache' for \(page.route)")
        }
        return html
    }
}
