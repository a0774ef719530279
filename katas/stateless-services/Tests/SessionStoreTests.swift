import KataHarness
import StatelessKata
import Testing

@Suite("Session store")
struct SessionStoreTests {
    let clock = VirtualClock()

    @Test("Creating a session takes expectedVersion 0 and gives version 1; reads return it")
    func create() {
        let store = SessionStore(clock: clock)
        #expect(store.read("s1") == nil, "a session never written should read as nil")
        let created = store.write("s1", ["book": 1], expectedVersion: 0)
        #expect(created == .written(version: 1), "the store's first write should give version 1, got \(created)")
        #expect(store.read("s1") == StoredSession(cart: ["book": 1], version: 1), "the new session should read back, got \(String(describing: store.read("s1")))")
        let again = store.write("s1", ["pen": 1], expectedVersion: 0)
        #expect(again == .conflict(current: 1), "creating a session that exists is a conflict naming version 1, got \(again)")
        #expect(store.read("s1")?.cart == ["book": 1], "a refused create must change nothing, got \(String(describing: store.read("s1")))")
    }

    @Test("A write with the version read succeeds with a new version; a stale version is a conflict and changes nothing")
    func compareAndSet() {
        let store = SessionStore(clock: clock)
        _ = store.write("s1", ["book": 1], expectedVersion: 0)
        _ = store.write("other", ["cup": 1], expectedVersion: 0)        // version 2
        let second = store.write("s1", ["book": 2], expectedVersion: 1)
        #expect(second == .written(version: 3), "versions come from one counter for the store: after 1 and 2 comes 3, got \(second)")
        let stale = store.write("s1", ["book": 9], expectedVersion: 1)
        #expect(stale == .conflict(current: 3), "a writer holding version 1 is stale; the conflict should name the current 3, got \(stale)")
        let ahead = store.write("s1", ["book": 9], expectedVersion: 4)
        #expect(ahead == .conflict(current: 3), "a version the session never had is a conflict too, got \(ahead)")
        #expect(store.read("s1") == StoredSession(cart: ["book": 2], version: 3), "refused writes change nothing, got \(String(describing: store.read("s1")))")
        let missing = store.write("nobody", ["pen": 1], expectedVersion: 3)
        #expect(missing == .conflict(current: nil) && store.read("nobody") == nil,
                "updating a session that does not exist is a conflict with no current version and creates nothing, got \(missing)")
    }

    @Test("A session expires idleTimeout after its last read or write", arguments: [20 * 60, 5 * 60, 60 * 60])
    func idleTimeout(seconds: Int) {
        let idle = Duration.seconds(seconds)
        // 20 minutes is the default: ASP.NET Core's session IdleTimeout.
        let store = seconds == 20 * 60 ? SessionStore(clock: clock) : SessionStore(clock: clock, idleTimeout: idle)
        #expect(store.idleTimeout == idle, "idleTimeout should be \(idle), got \(store.idleTimeout)")
        _ = store.write("s1", ["book": 1], expectedVersion: 0)
        clock.advance(by: idle - .milliseconds(1))
        #expect(store.read("s1") != nil, "1 ms before the idle timeout after the write the session should be there")
        clock.advance(by: idle - .milliseconds(1))
        #expect(store.read("s1") != nil, "the read renewed the timeout: \(idle) - 1 ms later the session should still be there")
        clock.advance(by: idle - .milliseconds(1))
        let written = store.write("s1", ["book": 2], expectedVersion: 1)
        #expect(written == .written(version: 2), "the second read renewed it too, so this update should succeed, got \(written)")
        clock.advance(by: idle)
        #expect(store.read("s1") == nil, "exactly \(idle) after the last write the session has expired, got \(String(describing: store.read("s1")))")
    }

    @Test("An expired session refuses its old version, and a new one never reuses it")
    func noVersionReuseAfterExpiry() {
        let store = SessionStore(clock: clock, idleTimeout: .seconds(60))
        _ = store.write("s1", ["book": 1], expectedVersion: 0)
        clock.advance(to: at(s: 60))
        let late = store.write("s1", ["book": 2], expectedVersion: 1)
        #expect(late == .conflict(current: nil), "a write to an expired session with its old version is a conflict with no current version, got \(late)")
        let recreated = store.write("s1", ["pen": 1], expectedVersion: 0)
        #expect(recreated == .written(version: 2), "the expired session is gone, so it can be created again, with the next version 2; got \(recreated)")
        let slowWriter = store.write("s1", ["book": 5], expectedVersion: 1)
        #expect(slowWriter == .conflict(current: 2), "a slow writer still holding version 1 must not overwrite the new session, got \(slowWriter)")
        #expect(store.read("s1") == StoredSession(cart: ["pen": 1], version: 2), "the new session is intact, got \(String(describing: store.read("s1")))")
    }

    @Test("Reading a missing or expired session renews nothing and creates nothing")
    func missReadsDoNothing() {
        let store = SessionStore(clock: clock, idleTimeout: .seconds(60))
        _ = store.write("s1", ["book": 1], expectedVersion: 0)
        clock.advance(to: at(s: 60))
        #expect(store.read("s1") == nil, "at 60 s the session has expired")
        clock.advance(to: at(s: 61))
        #expect(store.read("s1") == nil && store.read("never") == nil, "a read after expiry must not bring it back")
        #expect(store.write("never", [:], expectedVersion: 0) == .written(version: 2), "a read of a missing id created nothing, so creating it works")
    }
}
