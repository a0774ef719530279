#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be read, in words that say what to change (Foundation's messages
/// for these cases are "You don't have permission" or `Code=256 "(null)"`).
public enum ReadError: Error, CustomStringConvertible, Equatable {
    case missing
    case symlinkLoop
    case outsideRoot(String)
    case notARegularFile(String)
    case tooLarge(bytes: Int, limit: Int)
    case system(String)

    public var description: String {
        switch self {
        case .missing: "no such file"
        case .symlinkLoop: "a symbolic link loop (a link that points back at itself)"
        case .outsideRoot(let real): "it resolves to \(real), outside the project; only files inside it are published"
        case .notARegularFile(let kind): "it is \(kind), not a regular file"
        case .tooLarge(let bytes, let limit): "it is \(bytes) bytes; files may be at most \(limit) bytes"
        case .system(let message): message
        }
    }
}

/// The checks made before a file is opened, so a FIFO never blocks a build and
/// `/dev/zero` is never read to exhaustion.
enum ReadablePath {
    /// The largest file read, documented in docs/content-format.md ("Limits").
    static let maximumFileSize = 16 * 1024 * 1024

    static func realPath(of path: String) throws -> String {
        guard let resolved = realpath(path, nil) else { throw error(errno) }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func checkRegularFile(_ path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else { throw error(errno) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw ReadError.notARegularFile("a directory")
        case S_IFIFO: throw ReadError.notARegularFile("a named pipe (FIFO)")
        case S_IFCHR, S_IFBLK: throw ReadError.notARegularFile("a device")
        case S_IFSOCK: throw ReadError.notARegularFile("a socket")
        default: throw ReadError.notARegularFile("a special file")
        }
        if Int(info.st_size) > maximumFileSize {
            throw ReadError.tooLarge(bytes: Int(info.st_size), limit: maximumFileSize)
        }
    }

    private static func error(_ code: Int32) -> ReadError {
        switch code {
        case ENOENT, ENOTDIR: .missing
        case ELOOP: .symlinkLoop
        default: .system(String(cString: strerror(code)))
        }
    }
}
