import Foundation
internal import GRDB

/// The data database, `vielfalt.sqlite`: sealed responses, sealed declines, entry batches.
///
/// One serialised connection (GRDB `DatabaseQueue`) in WAL mode. Open it with ``open(_:)`` or make a new one with ``create(_:storeID:)``. Tables are keyed by random
/// ids `WITHOUT ROWID`, so rows sit in random order and no insertion sequence exists.
public final class DataStore: Sendable {
    let database: DatabaseQueue
    public let location: StoreLocation

    private init(database: DatabaseQueue, location: StoreLocation) {
        self.database = database
        self.location = location
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.prepareDatabase { db in
            // Deleted rows (withdrawals, purges) are overwritten, not left in free pages.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            // WAL, set by hand: a DatabasePool would write a table into the file on every open,
            // and a store that was only read (or refused bad input) must stay byte for byte the same.
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return config
    }

    /// Creates a new, empty data store bound to a keystore by `storeID`.
    public static func create(_ location: StoreLocation, storeID: Data) throws -> DataStore {
        try StoreLocation.createPrivateFile(location.dataURL)
        let store = try DataStore(database: DatabaseQueue(path: location.dataURL.path, configuration: configuration()),
                                  location: location)
        try store.migrate()
        try store.database.write { db in
            try db.execute(sql: "INSERT INTO store_meta (id, store_id) VALUES (1, ?)", arguments: [storeID])
        }
        return store
    }

    /// Opens an existing data store and brings its schema up to date.
    public static func open(_ location: StoreLocation) throws -> DataStore {
        guard FileManager.default.fileExists(atPath: location.dataURL.path) else {
            throw StoreError.notFound(path: location.directory.path)
        }
        do {
            let store = try DataStore(database: DatabaseQueue(path: location.dataURL.path, configuration: configuration()),
                                      location: location)
            try store.migrate()
            return store
        } catch let error as DatabaseError {
            throw StoreError.damaged(path: location.dataURL.lastPathComponent, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// The id that binds this data store to its keystore.
    public func storeID() throws -> Data {
        guard let id = try database.read({ try Data.fetchOne($0, sql: "SELECT store_id FROM store_meta WHERE id = 1") }) else {
            throw StoreError.damaged(path: location.dataURL.lastPathComponent, reason: "store id missing")
        }
        return id
    }

    /// How many responses and declines each period holds (for audits and the entry page; no content).
    public func countsByPeriod() throws -> [Int: (responses: Int, declines: Int)] {
        try database.read { db in
            var result: [Int: (responses: Int, declines: Int)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT period, COUNT(*) AS n FROM response GROUP BY period") {
                result[row["period"], default: (0, 0)].responses = row["n"]
            }
            for row in try Row.fetchAll(db, sql: "SELECT period, COUNT(*) AS n FROM decline GROUP BY period") {
                result[row["period"], default: (0, 0)].declines = row["n"]
            }
            return result
        }
    }
}
