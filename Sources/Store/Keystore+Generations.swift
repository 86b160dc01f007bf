import Foundation
internal import GRDB

/// Keystore generations: one more at every master key rotation and at every purge that destroys a
/// period key. A keystore backup carries the generation it was made at; one made before the last
/// purge holds a key destroyed since, so the audit flags it and a restore refuses it.
///
/// A purge runs from a timer without the passphrase, so it cannot seal the surviving period keys to
/// a new master key itself: it starts the generation and marks the rotation as pending, and the next
/// unlock that may change the keystore (a release, a keystore backup) carries the rotation out.
extension Keystore {
    static func migrateToPurgeGenerations(_ db: Database) throws {
        try db.alter(table: "keystore_meta") { t in
            t.add(column: "purge_generation", .integer).notNull().defaults(to: 0)
            t.add(column: "rotation_pending", .boolean).notNull().defaults(to: false)
        }
    }

    /// Starts a new generation for a purge, in the transaction that destroys the key.
    static func startPurgeGeneration(_ db: Database) throws {
        try db.execute(sql: """
            UPDATE keystore_meta SET generation = generation + 1, purge_generation = generation + 1, rotation_pending = 1
            WHERE id = 1
            """)
    }

    /// The generation the last purge started (0 before any purge that destroyed a key).
    public func purgeGeneration() throws -> Int {
        try database.read { try Int.fetchOne($0, sql: "SELECT purge_generation FROM keystore_meta WHERE id = 1") } ?? 0
    }

    /// Whether a purge destroyed a key since the master key was last replaced.
    public func isRotationPending() throws -> Bool {
        try database.read { try Bool.fetchOne($0, sql: "SELECT rotation_pending FROM keystore_meta WHERE id = 1") } ?? false
    }
}
