import Foundation
internal import GRDB

/// An open invitation as `vielfalt.sqlite` holds it: the keyed hash of its code, the period, the
/// form, the day it expires, and the context sealed under a key only the code opens.
///
/// No clerk, no issue day, no order (keyed by the hash, `WITHOUT ROWID`). The row is deleted when
/// the invitation is answered, declined or expires; nothing of it is copied elsewhere.
struct InvitationRecord: Codable, StoredRecord, Sendable {
    static let table = "invitation"
    var lookupHash: Data
    var period: Int
    var formID: String
    var formVersion: Int
    /// `YYYY-MM-DD`: from this day on the invitation is no longer accepted and is counted as not answered.
    var expiresOn: String
    var sealedContext: Data

    enum CodingKeys: String, CodingKey {
        case lookupHash = "lookup_hash", period, formID = "form_id", formVersion = "form_version"
        case expiresOn = "expires_on", sealedContext = "sealed_context"
    }

    static func migrate(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v7 invitations") { db in
            try db.create(table: table, options: [.withoutRowID]) { t in
                t.primaryKey("lookup_hash", .blob)
                t.column("period", .integer).notNull()
                t.column("form_id", .text).notNull()
                t.column("form_version", .integer).notNull()
                t.column("expires_on", .text).notNull()
                t.column("sealed_context", .blob).notNull()
            }
            // Counts only, per period: what response rates need once the invitations are gone.
            try db.create(table: "invitation_count") { t in
                t.primaryKey("period", .integer)
                t.column("issued", .integer).notNull().defaults(to: 0)
                t.column("redeemed", .integer).notNull().defaults(to: 0)
                t.column("expired", .integer).notNull().defaults(to: 0)
            }
        }
    }

    /// Adds to a period's counts.
    static func count(period: Int, issued: Int = 0, redeemed: Int = 0, expired: Int = 0, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO invitation_count (period, issued, redeemed, expired) VALUES (?, ?, ?, ?)
            ON CONFLICT (period) DO UPDATE SET issued = issued + excluded.issued,
                redeemed = redeemed + excluded.redeemed, expired = expired + excluded.expired
            """, arguments: [period, issued, redeemed, expired])
    }
}
