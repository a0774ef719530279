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

    private var directory: [String: Placement] = [:]          // tenant → the stamp serving it
    private var stores: [String: [String: [String: String]]] = [:]   // stamp → tenant → rows
    private var moves: [String: Move] = [:]

    private struct Placement {
        var stamp: String
        let size: Int
    }

    private struct Move {
        let destination: String
        let size: Int
        var draining = false
        /// Keys never copied, or written since they were copied.
        var pending: Set<String>
    }

    public init(stamps: [Stamp]) {
        self.stamps = stamps
    }

    /// Adds a stamp, unless one of that name exists.
    public func addStamp(_ stamp: Stamp) {
        guard !stamps.contains(where: { $0.name == stamp.name }) else { return }
        stamps.append(stamp)
    }

    /// Capacity not yet used by tenants served by the stamp or moving into it.
    public func freeCapacity(of stamp: String) -> Int? {
        stamps.first(where: { $0.name == stamp }).map(free)
    }

    private func free(_ stamp: Stamp) -> Int {
        let served = directory.values.filter { $0.stamp == stamp.name }.reduce(0) { $0 + $1.size }
        let arriving = moves.values.filter { $0.destination == stamp.name }.reduce(0) { $0 + $1.size }
        return stamp.capacity - served - arriving
    }

    /// Places a new tenant on the stamp with the most free capacity that fits it (ties: the first
    /// listed) and returns that stamp; nil when none fits. A tenant already placed stays where it is.
    @discardableResult
    public func place(_ tenant: String, size: Int) -> String? {
        if let current = directory[tenant] { return current.stamp }
        var best: (name: String, free: Int)?
        for stamp in stamps {
            let room = free(stamp)
            if room >= size, room > best?.free ?? Int.min { best = (stamp.name, room) }
        }
        guard let chosen = best?.name else { return nil }
        directory[tenant] = Placement(stamp: chosen, size: size)
        return chosen
    }

    /// The directory: the stamp that serves `tenant`.
    public func stamp(of tenant: String) -> String? {
        directory[tenant]?.stamp
    }

    public func phase(of tenant: String) -> TenantPhase? {
        guard directory[tenant] != nil else { return nil }
        guard let move = moves[tenant] else { return .serving }
        return move.draining ? .draining(pending: move.pending.count) : .copying(pending: move.pending.count)
    }

    public func write(_ tenant: String, _ key: String, _ value: String) -> WriteOutcome {
        guard let stamp = directory[tenant]?.stamp else { return .unknownTenant }
        if moves[tenant]?.draining == true { return .retryLater }
        moves[tenant]?.pending.insert(key)
        stores[stamp, default: [:]][tenant, default: [:]][key] = value
        return .accepted(stamp: stamp)
    }

    /// Reads from the stamp the directory names.
    public func read(_ tenant: String, _ key: String) -> String? {
        directory[tenant].flatMap { stores[$0.stamp]?[tenant]?[key] }
    }

    /// What `stamp`'s own store holds for `tenant`.
    public func rows(of tenant: String, in stamp: String) -> [String: String] {
        stores[stamp]?[tenant] ?? [:]
    }

    /// Starts moving `tenant` to `destination`: reserves its size there, and marks every key it has
    /// as still to copy.
    public func startMove(_ tenant: String, to destination: String) throws(MoveError) {
        guard let placement = directory[tenant] else { throw .unknownTenant }
        guard let room = freeCapacity(of: destination) else { throw .unknownStamp }
        guard destination != placement.stamp else { throw .alreadyThere }
        guard moves[tenant] == nil else { throw .alreadyMoving }
        guard room >= placement.size else { throw .notEnoughRoom(free: room, needed: placement.size) }
        moves[tenant] = Move(destination: destination, size: placement.size,
                             pending: Set(rows(of: tenant, in: placement.stamp).keys))
    }

    /// Copies up to `batch` pending keys, in key order, from the source's store to the
    /// destination's, and returns how many it copied (0 when the tenant is not moving).
    @discardableResult
    public func copy(_ tenant: String, batch: Int) -> Int {
        guard let move = moves[tenant], let source = directory[tenant]?.stamp else { return 0 }
        let keys = move.pending.sorted().prefix(max(batch, 0))
        for key in keys {
            stores[move.destination, default: [:]][tenant, default: [:]][key] = stores[source]?[tenant]?[key]
            moves[tenant]?.pending.remove(key)
        }
        return keys.count
    }

    /// Holds off the tenant's writes so the copy can finish.
    public func drain(_ tenant: String) throws(MoveError) {
        guard moves[tenant] != nil else { throw .notMoving }
        moves[tenant]?.draining = true
    }

    /// Points the directory at the destination once drained and fully copied; the source forgets
    /// the tenant and its capacity is released.
    public func switchOver(_ tenant: String) throws(MoveError) {
        guard let move = moves[tenant], let source = directory[tenant]?.stamp else { throw .notMoving }
        guard move.draining else { throw .notDraining }
        guard move.pending.isEmpty else { throw .copyIncomplete(pending: move.pending.count) }
        directory[tenant]?.stamp = move.destination
        stores[source]?[tenant] = nil
        moves[tenant] = nil
    }
}
