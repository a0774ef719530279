import KataHarness
import StatelessKata

func at(s: Int) -> VirtualClock.Instant { VirtualClock.Instant(offset: .seconds(s)) }

/// The shared store as one instance reaches it, with a hook that lets a test run other requests
/// between this instance's read and its write — the race two instances run in production.
final class InterleavingBackend: SessionBackend {
    private let store: SessionBackend
    private(set) var reads = 0
    private(set) var writes: [WriteResult] = []
    /// Called after each read has been answered and before the caller sees the answer, with the
    /// number of reads so far.
    var afterRead: ((Int) -> Void)?

    init(_ store: SessionBackend) {
        self.store = store
    }

    func read(_ id: String) -> StoredSession? {
        let session = store.read(id)
        reads += 1
        afterRead?(reads)
        return session
    }

    func write(_ id: String, _ cart: Cart, expectedVersion: Int) -> WriteResult {
        let result = store.write(id, cart, expectedVersion: expectedVersion)
        writes.append(result)
        return result
    }
}

/// The outcome of a cart request as one comparable value.
enum Outcome: Equatable, CustomStringConvertible {
    case cart(Cart)
    case failed(CartError)

    init(_ request: () throws(CartError) -> Cart) {
        do { self = .cart(try request()) } catch { self = .failed(error) }
    }

    var description: String {
        switch self {
        case .cart(let cart): "cart \(cart.sorted { $0.key < $1.key })"
        case .failed(let error): "error \(error)"
        }
    }
}
