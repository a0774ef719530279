/// Tenants spread over deployment stamps, a directory that routes each tenant to one stamp, and
/// moves between stamps that lose no write.
///
/// A new tenant goes to the stamp with the most free capacity that fits it. A move runs in three
/// steps: copy (the source keeps taking writes; the destination receives the tenant's keys in
/// batches, and a key written after it was copied must be copied again), drain (the source holds
/// off the tenant's writes so the last keys can be copied), and switch (the directory points at
/// the destination, which takes writes from then on, and the source forgets the tenant). The
/// destination's capacity is reserved for the whole move.
public final class StampFleet {
    public private(set) var stamps: [Stamp]

    public init(stamps: [Stamp]) {
        self.stamps = stamps
    }

    /// Adds a stamp, unless one of that name exists.
    public func addStamp(_ stamp: Stamp) {
        // TODO(kata)
    }

    /// Capacity not yet used by tenants served by the stamp or moving into it.
    public func freeCapacity(of stamp: String) -> Int? {
        // TODO(kata)
        nil
    }

    /// Places a new tenant on the stamp with the most free capacity that fits it (ties: the first
    /// listed) and returns that stamp; nil when none fits. A tenant already placed stays where it is.
    @discardableResult
    public func place(_ tenant: String, size: Int) -> String? {
        // TODO(kata)
        nil
    }

    /// The directory: the stamp that serves `tenant`.
    public func stamp(of tenant: String) -> String? {
        // TODO(kata)
        nil
    }

    public func phase(of tenant: String) -> TenantPhase? {
        // TODO(kata)
        nil
    }

    public func write(_ tenant: String, _ key: String, _ value: String) -> WriteOutcome {
        // TODO(kata): route by the directory; refuse while draining; during a copy, a written key
        // must be copied (again).
        .unknownTenant
    }

    /// Reads from the stamp the directory names.
    public func read(_ tenant: String, _ key: String) -> String? {
        // TODO(kata)
        nil
    }

    /// What `stamp`'s own store holds for `tenant`.
    public func rows(of tenant: String, in stamp: String) -> [String: String] {
        // TODO(kata)
        [:]
    }

    /// Starts moving `tenant` to `destination`: reserves its size there, and marks every key it has
    /// as still to copy.
    public func startMove(_ tenant: String, to destination: String) throws(MoveError) {
        // TODO(kata): unknownTenant, unknownStamp, alreadyThere, alreadyMoving, notEnoughRoom, in that order.
        throw .unknownTenant
    }

    /// Copies up to `batch` pending keys, in key order, from the source's store to the
    /// destination's, and returns how many it copied (0 when the tenant is not moving).
    @discardableResult
    public func copy(_ tenant: String, batch: Int) -> Int {
        // TODO(kata)
        0
    }

    /// Holds off the tenant's writes so the copy can finish.
    public func drain(_ tenant: String) throws(MoveError) {
        // TODO(kata)
        throw .notMoving
    }

    /// Points the directory at the destination once drained and fully copied; the source forgets
    /// the tenant and its capacity is released.
    public func switchOver(_ tenant: String) throws(MoveError) {
        // TODO(kata): notMoving, notDraining, copyIncomplete, in that order.
        throw .notMoving
    }
}
