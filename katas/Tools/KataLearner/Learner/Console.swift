import Foundation

/// Where the learner commands talk and ask; injected so their logic runs in tests without a tty.
public protocol Console: Sendable {
    func say(_ line: String)
    /// Asks a yes/no question, default no. Non-interactive input answers no without waiting.
    func confirm(_ question: String) -> Bool
    /// Clears the screen (watch starts each check on a clean one); a no-op where there is no screen.
    func clear()
}

/// stdout and stdin.
public struct TerminalConsole: Console {
    public init() {}

    public func say(_ line: String) {
        // Unbuffered, so progress shows while a long build runs and lines never interleave oddly.
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    public func clear() {
        guard isatty(STDOUT_FILENO) != 0 else { return }
        FileHandle.standardOutput.write(Data("\u{1B}[2J\u{1B}[H".utf8))
    }

    public func confirm(_ question: String) -> Bool {
        guard isatty(STDIN_FILENO) != 0 else { return false }
        FileHandle.standardOutput.write(Data((question + " [y/N] ").utf8))
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return answer == "y" || answer == "yes"
    }
}
