/// A table of a `TransactionalStore`: rows of type `Row`, each under a unique string key.
///
/// Declare each table once, as a constant (`let orders = Table<Order>("orders")`); two tables with
/// the same name are the same table and must hold the same row type.
public struct Table<Row>: Hashable, Sendable {
    public let name: String

    public init(_ name: String) {
        self.name = name
    }
}

public enum StoreError: Error, Equatable, Sendable {
    case duplicateKey(table: String, key: String)
    /// The store refused the commit (disk full, deadlock victim…): nothing of it was applied.
    case commitFailed
    /// The caller lost contact with the store around the commit: it may or may not have been
    /// applied, and only reading the store again tells which.
    case outcomeUnknown
    /// Another transaction committed after this one began: nothing of this one was applied.
    case conflict
}

/// A deterministic in-memory database with all-or-nothing transactions and scripted faults.
///
/// Every write goes through `transaction`, which works on a private copy of the tables (it reads
/// its own writes, no one else sees them) and installs the copy at commit. A transaction whose
/// body throws is rolled back. Outside a transaction you read only what has been committed.
///
/// Each transaction passes two points of the shared `FaultPlan`; the fault scheduled there does:
///
/// | fault      | at `.beforeCommit`                 | at `.afterCommit` (already applied) |
/// |------------|------------------------------------|-------------------------------------|
/// | `.fail`    | throws `commitFailed`, not applied | throws `outcomeUnknown`             |
/// | `.timeOut` | throws `outcomeUnknown`, not applied | throws `outcomeUnknown`           |
/// | `.crash`   | `SimulatedCrash`, not applied      | `SimulatedCrash`                    |
///
/// The store itself is the durable part: it survives a crash of the process, and the components a
/// test builds after `faults.restart()` read what was committed before it.
public final class TransactionalStore: @unchecked Sendable {
    public let name: String
    public let faults: FaultPlan
    private var tables = Tables()
    /// How many transactions with writes have committed; a commit is one write to the disk.
    public private(set) var commitCount = 0

    public init(name: String = "store", faults: FaultPlan = FaultPlan()) {
        self.name = name
        self.faults = faults
    }

    /// The committed row under `key`.
    public func row<Row>(_ key: String, in table: Table<Row>) -> Row? {
        tables.row(key, in: table)
    }

    /// The committed rows of `table`, in the order their keys were first inserted.
    public func rows<Row>(in table: Table<Row>) -> [Row] {
        tables.rows(in: table)
    }

    /// Runs `body` in a transaction and commits its writes atomically.
    ///
    /// Transactions may be opened inside one another's bodies, to interleave them; the first to
    /// commit wins, and a later one with writes fails with `StoreError.conflict`, whichever keys
    /// the two touched (stricter than a real database, and simple to reason about).
    ///
    /// - Throws: whatever `body` throws (the transaction is rolled back), a `StoreError` or
    ///   `SimulatedCrash` from the fault plan (see the type's table), or `StoreError.conflict`.
    @discardableResult
    public func transaction<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
        try faults.ensureRunning()
        let transaction = StoreTransaction(snapshot: tables)
        let result = try body(transaction)
        switch try faults.reach(.beforeCommit, of: name) {
        case .fail: throw StoreError.commitFailed
        case .timeOut: throw StoreError.outcomeUnknown
        case .crash, nil: break   // `reach` throws a crash itself
        }
        if transaction.hasWrites {
            guard tables.version == transaction.tables.version else { throw StoreError.conflict }
            tables = transaction.tables
            tables.version += 1
            commitCount += 1
        }
        if try faults.reach(.afterCommit, of: name) != nil {
            throw StoreError.outcomeUnknown
        }
        return result
    }
}

/// The view and the writes of one open transaction.
public final class StoreTransaction {
    fileprivate var tables: Tables
    fileprivate private(set) var hasWrites = false

    fileprivate init(snapshot: Tables) {
        tables = snapshot
    }

    /// The row under `key`, as this transaction sees it (its own writes included).
    public func row<Row>(_ key: String, in table: Table<Row>) -> Row? {
        tables.row(key, in: table)
    }

    /// The rows of `table` as this transaction sees them, in the order their keys were first
    /// inserted.
    public func rows<Row>(in table: Table<Row>) -> [Row] {
        tables.rows(in: table)
    }

    /// Adds a row. - Throws: `StoreError.duplicateKey` if `key` is taken in `table`.
    public func insert<Row>(_ row: Row, key: String, into table: Table<Row>) throws {
        guard tables.row(key, in: table) == nil else {
            throw StoreError.duplicateKey(table: table.name, key: key)
        }
        save(row, key: key, in: table)
    }

    /// Writes a row under `key`, replacing the one there if any.
    public func save<Row>(_ row: Row, key: String, in table: Table<Row>) {
        tables.save(row, key: key, in: table)
        hasWrites = true
    }

    /// Removes the row under `key`, if any.
    public func delete<Row>(_ key: String, from table: Table<Row>) {
        tables.delete(key, from: table)
        hasWrites = true
    }
}

/// Every table's rows, a value: copying it is how a transaction gets its snapshot.
private struct Tables {
    struct Contents {
        var keys: [String] = []            // first-insertion order
        var rows: [String: Any] = [:]
    }

    var contents: [String: Contents] = [:]
    /// Bumped by every commit with writes, so a transaction can tell it was overtaken.
    var version = 0

    func row<Row>(_ key: String, in table: Table<Row>) -> Row? {
        contents[table.name]?.rows[key].map { typed($0, in: table) }
    }

    func rows<Row>(in table: Table<Row>) -> [Row] {
        guard let stored = contents[table.name] else { return [] }
        return stored.keys.map { typed(stored.rows[$0]!, in: table) }
    }

    mutating func save<Row>(_ row: Row, key: String, in table: Table<Row>) {
        if contents[table.name, default: Contents()].rows.updateValue(row, forKey: key) == nil {
            contents[table.name]!.keys.append(key)
        }
    }

    mutating func delete<Row>(_ key: String, from table: Table<Row>) {
        guard contents[table.name]?.rows.removeValue(forKey: key) != nil else { return }
        contents[table.name]!.keys.removeAll { $0 == key }
    }

    private func typed<Row>(_ value: Any, in table: Table<Row>) -> Row {
        guard let row = value as? Row else {
            preconditionFailure("table \(table.name) holds \(type(of: value)), not \(Row.self)")
        }
        return row
    }
}
