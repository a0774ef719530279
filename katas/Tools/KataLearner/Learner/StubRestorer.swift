

/// Finds the pristine stub of a kata's `Sources/` in git history.
///
/// The committed file at HEAD is the stub unless the learner committed their work; then the
/// newest commit whose version still has the `TODO(kata)` marker is. A file with no such
/// version (a stub file with nothing to fill in) comes from HEAD.
public struct StubRestorer: Sendable {
    public static let marker = "TODO(kata)"

    public var runner: ProcessRunner
    /// Absolute path of the kata's `Sources/` folder; git commands run there with `./` paths.
    public var sourcesDirectory: String

    public init(runner: ProcessRunner, sourcesDirectory: String) {
        self.runner = runner
        self.sourcesDirectory = sourcesDirectory
    }

    public enum Failure: Error, CustomStringConvertible {
        case notARepository
        case notCommitted
        public var description: String {
            switch self {
            case .notARepository: "not in a git repository: there is no history to restore the stub from"
            case .notCommitted: "the kata's Sources/ are not committed, so there is no stub to restore"
            }
        }
    }

    /// File name → pristine contents.
    public func pristineStub() async throws -> [String: String] {
        guard try await git(["rev-parse", "--is-inside-work-tree"]) != nil else { throw Failure.notARepository }
        guard let listing = try await git(["ls-tree", "--name-only", "HEAD", "./"]) else { throw Failure.notCommitted }
        let names = listing.split(separator: "\n").map(String.init).filter { $0.hasSuffix(".swift") }
        guard !names.isEmpty else { throw Failure.notCommitted }
        var files: [String: String] = [:]
        for name in names {
            files[name] = try await pristine(name)
        }
        return files
    }

    private func pristine(_ name: String) async throws -> String? {
        let head = try await git(["show", "HEAD:./\(name)"])
        if let head, head.contains(Self.marker) { return head }
        let commits = try await git(["log", "--format=%H", "--", name])?.split(separator: "\n") ?? []
        for commit in commits {
            if let text = try await git(["show", "\(commit):./\(name)"]), text.contains(Self.marker) { return text }
        }
        return head
    }

    /// stdout of a git command, or nil if it failed.
    private func git(_ arguments: [String]) async throws -> String? {
        let outcome = try await runner.run(ProcessRequest(["git"] + arguments, in: sourcesDirectory, timeout: .seconds(30)))
        return outcome.succeeded ? outcome.output : nil
    }
}
