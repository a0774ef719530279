import Foundation

/// Ctrl-C: end every child process group this tool started (a test binary in a loop would
/// otherwise spin on at full CPU after we are gone), then exit as an interrupted program does.
public enum InterruptHandler {
    nonisolated(unsafe) private static var source: DispatchSourceSignal?

    public static func install() {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            RunningGroups.shared.killAll()
            FileHandle.standardOutput.write(Data("\n".utf8))
            exit(130)
        }
        source.resume()
        Self.source = source
    }
}
