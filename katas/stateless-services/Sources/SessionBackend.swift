/// A shopping cart: quantity per SKU. A SKU is listed only with a quantity above zero.
public typealias Cart = [String: Int]

/// A session as the shared store holds it: its data and the version of that data.
public struct StoredSession: Equatable, Sendable {
    public let cart: Cart
    /// Changes with every write; a writer sends back the version it read.
    public let version: Int

    public init(cart: Cart, version: Int) {
        self.cart = cart
        self.version = version
    }
}

/// What a conditional write did.
public enum WriteResult: Equatable, Sendable {
    /// Stored, under this new version.
    case written(version: Int)
    /// Refused, because the session's version is not the one the writer expected: `current` is
    /// its version now, or nil when it does not exist (never created, or expired).
    case conflict(current: Int?)
}

/// The shared session store, as instances see it — Redis, DynamoDB or a database table in
/// production. Tests wrap it to run another instance's request between a read and a write.
public protocol SessionBackend: AnyObject {
    /// The session, or nil when there is none.
    func read(_ id: String) -> StoredSession?
    /// Stores `cart` if the session's version is `expectedVersion` (0: the session must not exist).
    func write(_ id: String, _ cart: Cart, expectedVersion: Int) -> WriteResult
}

/// Why a request failed.
public enum CartError: Error, Equatable, Sendable {
    /// Every one of `attempts` writes met a conflict; the cart was not changed.
    case contended(attempts: Int)
}
