import Foundation

/// File modification times, for `watch`; apart from `FileSystem`, which has no notion of time.
public protocol ModificationTimes: Sendable {
    /// Seconds since 1970, or nil if the file is missing.
    func modificationTime(at path: String) -> Double?
}

/// Modification times from the real disk.
public struct DiskModificationTimes: ModificationTimes {
    public init() {}

    public func modificationTime(at path: String) -> Double? {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970
    }
}
