#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system calls behind `FileSystem.exchangeItems` and `withExclusiveLock`, which
/// Foundation does not offer.
public enum AtomicExchange {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Linux `renameat2(RENAME_EXCHANGE)` (3.15+), macOS `renamex_np(RENAME_SWAP)`: the two
    /// names trade places in one step, so a reader or a kill never finds either one missing.
    static func exchange(_ first: String, _ second: String) throws {
        #if canImport(Glibc)
        // glibc declares renameat2 only under _GNU_SOURCE, which Swift's Glibc module lacks.
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(nil, "renameat2") else {
            throw Failure(description: "this C library has no renameat2, needed to swap the site in atomically")
        }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1
        let status = renameat2(AT_FDCWD, first, AT_FDCWD, second, renameExchange)
        #else
        let status = renamex_np(first, second, UInt32(RENAME_SWAP))
        #endif
        if status != 0 {
            throw Failure(description: "cannot swap \(first) and \(second): \(String(cString: strerror(errno)))")
        }
    }
}

/// An exclusive `flock` on an existing file or folder, held until `release`; the kernel drops it
/// if the process dies, so a killed build never leaves the next one waiting.
final class FileLock {
    private let descriptor: Int32

    init(path: String, waiting: () -> Void) throws {
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw AtomicExchange.Failure(description: "cannot open \(path) to lock it: \(String(cString: strerror(errno)))")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            waiting()
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    let reason = String(cString: strerror(errno))
                    close(descriptor)
                    throw AtomicExchange.Failure(description: "cannot lock \(path): \(reason)")
                }
            }
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
