import KataHarness

/// An incoming API request, reduced to what idempotency cares about.
public struct Request: Equatable, Sendable {
    /// Who is calling (an account or API key). Idempotency keys are scoped to it.
    public var client: String
    /// The `Idempotency-Key` header, if the client sent one.
    public var idempotencyKey: String?
    public var path: String
    public var body: String

    public init(client: String, idempotencyKey: String?, path: String, body: String) {
        self.client = client
        self.idempotencyKey = idempotencyKey
        self.path = path
        self.body = body
    }
}

/// A response as the client sees it.
public struct Response: Equatable, Sendable {
    public var status: Int
    public var body: String
    /// True when the store answered from its record instead of running the operation
    /// (sent to the client as `Idempotent-Replayed: true`).
    public var replayed: Bool

    public init(status: Int, body: String, replayed: Bool = false) {
        self.status = status
        self.body = body
        self.replayed = replayed
    }
}

/// Makes a non-idempotent operation (charge a card, create an order) safe to retry.
///
/// A client that sends an `Idempotency-Key` gets the operation run at most once per key, and every
/// retry gets the first response back:
///
/// - No key: the operation runs every time and nothing is recorded.
/// - A new key: the key is locked *before* the operation runs, then the response is recorded.
/// - The same key and the same request (path and body) again: the recorded response is returned
///   with `replayed == true`; the operation does not run.
/// - The same key with a different path or body: `422` (`unprocessableContent`); the operation does
///   not run and the original record is left alone.
/// - The same key while the first request is still running: `409` (`conflict`).
/// - The operation throws: it committed nothing, so the key is released and the error rethrown; a
///   retry with the same key runs the operation again. Whatever the operation *returns*, error
///   statuses included, is final and is replayed.
/// - Keys are scoped per client and forgotten `retention` after they were first used.
///
/// The store is used from one thread. A retry can arrive from inside a running operation (that is
/// how the tests stage a concurrent duplicate), so do not guard `handle` with a non-recursive lock.
public final class IdempotencyStore {
    public static let conflict = 409
    public static let unprocessableContent = 422

    private let clock: VirtualClock
    private let retention: Duration
    // TODO(kata): somewhere to remember each (client, key): the request it came with, when it
    // was first used, and whether it is still running or finished with which response.

    public init(clock: VirtualClock, retention: Duration = .seconds(24 * 60 * 60)) {
        self.clock = clock
        self.retention = retention
    }

    /// Runs `operation` for `request` at most once per idempotency key; see the type's contract.
    public func handle(
        _ request: Request,
        operation: (Request) throws -> Response
    ) throws -> Response {
        // TODO(kata): without a key, just run the operation (this much is done for you).
        // With a key: forget it if older than `retention`; if it is known, answer 422 for a
        // different path or body, 409 while the first request is still running, or replay the
        // recorded response (replayed: true). If it is new, lock it, run the operation, record
        // the response — or release the key if the operation throws, and rethrow.
        return try operation(request)
    }
}
