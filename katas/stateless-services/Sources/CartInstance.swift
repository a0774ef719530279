/// One instance of the cart service. It keeps nothing between requests: every request reads the
/// session from the shared backend and writes it back, so any instance can serve any request and
/// an instance can be killed at any moment without losing a cart.
///
/// A change is read–modify–conditional-write. When the write meets a conflict (another instance
/// wrote the session in between), the instance reads again and re-applies the change to what it
/// finds, up to `maxAttempts` writes in all; then it gives up with `CartError.contended` and the
/// cart is as the other writers left it. A session that does not exist (new, or expired) is
/// created from an empty cart.
public final class CartInstance {
    public let name: String
    private let backend: SessionBackend
    /// Writes per request before giving up: Spring Retry's default `maxAttempts`, 3.
    public let maxAttempts: Int

    public init(name: String, backend: SessionBackend, maxAttempts: Int = 3) {
        precondition(maxAttempts >= 1, "a request makes at least one attempt")
        self.name = name
        self.backend = backend
        self.maxAttempts = maxAttempts
    }

    /// The cart of `session`, empty when there is none.
    public func cart(session: String) -> Cart {
        // TODO(kata): read it from the backend — never from anything kept in this instance.
        [:]
    }

    /// Adds `quantity` (> 0) of `sku` to the cart and returns the cart as stored.
    public func add(_ quantity: Int, of sku: String, session: String) throws(CartError) -> Cart {
        precondition(quantity > 0, "add a positive quantity")
        // TODO(kata): read, add, write back with the version read; on a conflict read again and
        // retry, up to maxAttempts writes, then throw .contended(attempts: maxAttempts).
        throw .contended(attempts: 0)
    }

    /// Removes `sku` from the cart and returns the cart as stored.
    public func remove(_ sku: String, session: String) throws(CartError) -> Cart {
        // TODO(kata): the same loop as `add`, with a different change.
        throw .contended(attempts: 0)
    }
}
