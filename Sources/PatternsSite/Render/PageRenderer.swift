/// Renders pages to HTML files concurrently; the result is sorted so the order never varies.
struct PageRenderer {
    let templates: TemplateRenderer

    func render(_ pages: [Page]) async throws -> [OutputFile] {
        try await withThrowingTaskGroup(of: OutputFile.self) { group in
            for page in pages {
                group.addTask { OutputFile(path: page.route.filePath, text: try templates.render(page)) }
            }
            var files: [OutputFile] = []
            for try await file in group { files.append(file) }
            return files.sorted { $0.path < $1.path }
        }
    }
}
