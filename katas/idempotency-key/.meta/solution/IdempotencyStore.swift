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
    private var records: [Scope: Record] = [:]

    public init(clock: VirtualClock, retention: Duration = .seconds(24 * 60 * 60)) {
        self.clock = clock
        self.retention = retention
    }

    /// Runs `operation` for `request` at most once per idempotency key; see the type's contract.
    public func handle(
        _ request: Request,
        operation: (Request) throws -> Response
    ) throws -> Response {
        guard let key = request.idempotencyKey else {
            return try operation(request)
        }
        // Two clients may well both pick "order-1"; their keys must never meet.
        let scope = Scope(client: request.client, key: key)
        let fingerprint = Fingerprint(request)

        if let record = records[scope], clock.now - record.createdAt >= retention {
            records[scope] = nil
        }

        if let record = records[scope] {
            // Replaying the first response to a *different* request would tell the client that
            // something happened which did not; refuse instead.
            guard record.fingerprint == fingerprint else {
                return Response(
                    status: Self.unprocessableContent,
                    body: "idempotency key \(key) was used with a different request"
                )
            }
            switch record.state {
            case .inProgress:
                return Response(
                    status: Self.conflict,
                    body: "a request with idempotency key \(key) is still in progress"
                )
            case .completed(let response):
                var replay = response
                replay.replayed = true
                return replay
            }
        }

        // Lock the key before running: a retry that arrives while this one is still working must
        // find the key taken, or both would run the operation.
        records[scope] = Record(fingerprint: fingerprint, createdAt: clock.now, state: .inProgress)
        let response: Response
        do {
            response = try operation(request)
        } catch {
            // The operation committed nothing, so there is nothing to protect: release the key and
            // let the client's retry run it again. Recording the failure would make it permanent.
            records[scope] = nil
            throw error
        }
        records[scope]?.state = .completed(response)
        return response
    }

    private struct Scope: Hashable {
        let client: String
        let key: String
    }

    /// What identifies "the same request". A real server would hash the canonicalised parameters.
    private struct Fingerprint: Equatable {
        let path: String
        let body: String

        init(_ request: Request) {
            path = request.path
            body = request.body
        }
    }

    private enum State {
        case inProgress
        case completed(Response)
    }

    private struct Record {
        let fingerprint: Fingerprint
        let createdAt: VirtualClock.Instant
        var state: State
    }
}
