/// What went wrong loading a key from the backend.
public struct BackendError: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// A slow database the cache sits in front of (given; you do not write it).
///
/// A load reads its row when it starts, but its answer arrives only when the test says so
/// (`finishLoad` delivers the row as it was read, `failLoad` an error). That is how the tests make
/// many requests arrive while one load is in flight, and how a write can land between a load's
/// read and its answer.
public final class Backend<Value> {
    public typealias Completion = (Result<Value?, BackendError>) -> Void

    /// The rows; a key with no row loads as nil.
    public private(set) var rows: [String: Value]
    /// Every key a load was started for, in order.
    public private(set) var loadsStarted: [String] = []
    private var inFlight: [(key: String, row: Value?, completion: Completion)] = []

    public init(rows: [String: Value] = [:]) {
        self.rows = rows
    }

    /// The loads started and not yet finished, oldest first.
    public var pendingLoads: [String] { inFlight.map(\.key) }

    /// Reads `key`'s row now; `completion` runs when the test finishes or fails the load.
    public func startLoad(_ key: String, completion: @escaping Completion) {
        loadsStarted.append(key)
        inFlight.append((key, rows[key], completion))
    }

    /// Writes a row (nil deletes it).
    public func write(_ key: String, _ value: Value?) {
        rows[key] = value
    }

    /// Answers the oldest pending load of `key` with the row it read. Returns false if none.
    @discardableResult
    public func finishLoad(_ key: String) -> Bool {
        guard let index = inFlight.firstIndex(where: { $0.key == key }) else { return false }
        let load = inFlight.remove(at: index)
        load.completion(.success(load.row))
        return true
    }

    /// Finishes the oldest pending load of `key` with an error. Returns false if none.
    @discardableResult
    public func failLoad(_ key: String, _ error: BackendError) -> Bool {
        guard let index = inFlight.firstIndex(where: { $0.key == key }) else { return false }
        let load = inFlight.remove(at: index)
        load.completion(.failure(error))
        return true
    }
}
