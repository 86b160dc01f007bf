import Foundation
import Forms
import GRDB
import Reports

/// One report request of the integration office, and once released, its rendered outputs.
///
/// Only aggregates are ever stored here: the renderings of a ``PublishedReport`` (which has passed
/// disclosure control and is in the release ledger). Nothing is stored before the release succeeded,
/// so an integration page cannot show an unreleased figure: it has none to show.
public struct ReportRequest: Codable, FetchableRecord, PersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "report_request"

    public enum Status: String, Codable, Sendable { case requested, released, refused }

    public var id: String
    public var kind: ReportDefinition.Kind
    public var indicator: String
    /// The grouping, comma-separated (`unit`, `unit,career_group` …).
    public var grouping: String
    /// `latest`, `all`, `YYYY` or `YYYY-YYYY`.
    public var periods: String
    public var requestedBy: String
    public var requestedOn: String
    public var status: Status
    public var reasonEnglish: String?
    public var reasonGerman: String?
    public var releaseID: String?
    public var releasedBy: String?
    public var decidedOn: String?
    public var json: String?
    public var csvGerman: String?
    public var csvEnglish: String?
    public var htmlGerman: String?
    public var htmlEnglish: String?

    enum CodingKeys: String, CodingKey {
        case id, kind, indicator, grouping, periods, status, json
        case requestedBy = "requested_by", requestedOn = "requested_on"
        case reasonEnglish = "reason_en", reasonGerman = "reason_de"
        case releaseID = "release_id", releasedBy = "released_by", decidedOn = "decided_on"
        case csvGerman = "csv_de", csvEnglish = "csv_en", htmlGerman = "html_de", htmlEnglish = "html_en"
    }

    public var by: [String] { grouping.split(separator: ",").map(String.init) }

    /// The report definition the statistics unit runs for this request.
    public func definition(form: FormDefinition) throws -> ReportDefinition {
        guard let indicator = form.indicator(indicator) else {
            throw InputError(field: "indicator", english: "unknown indicator", german: "Unbekanntes Merkmal.")
        }
        guard let periods = Self.parsePeriods(periods) else {
            throw InputError(field: "years", english: "years must be empty (latest), all, a year or a range such as 2021-2025",
                             german: "Jahre: leer (neuestes), all, ein Jahr oder ein Bereich wie 2021-2025.")
        }
        let kindText = kind == .baseline ? LocalizedText(de: "Ist-Wert", en: "Baseline") : LocalizedText(de: "Entwicklung", en: "Trend")
        return ReportDefinition(name: kind.rawValue,
                                title: LocalizedText(de: "\(kindText.de): \(indicator.label.de)", en: "\(kindText.en): \(indicator.label.en)"),
                                kind: kind, indicator: indicator.key, by: by, periods: periods)
    }

    /// `latest`, `all`, `YYYY` or `YYYY-YYYY` (first ≤ last, 1950–2200).
    static func parsePeriods(_ text: String) -> ReportDefinition.Periods? {
        switch text {
        case "latest": return .latest
        case "all": return .all
        default:
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), parts.allSatisfy({ $0.count == 4 && $0.allSatisfy(\.isASCII) }) else { return nil }
            let years = parts.compactMap { Int($0) }
            guard years.count == parts.count, years.allSatisfy({ (1950...2200).contains($0) }), years.first! <= years.last! else { return nil }
            return .years(years.first!...years.last!)
        }
    }
}

/// The request queue in `users.sqlite` (table `report_request`, migration `v2-report-requests`).
///
/// Never in `vielfalt.sqlite`: the data store holds only ciphertext and the release ledger, and
/// the web application's bookkeeping stays apart from it like its logins.
struct ReportRequestStore: Sendable {
    let database: DatabaseQueue

    static func migrate(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-report-requests") { db in
            try db.create(table: "report_request", options: .withoutRowID) { t in
                t.column("id", .text).primaryKey()
                t.column("kind", .text).notNull().check { ["baseline", "trend"].contains($0) }
                t.column("indicator", .text).notNull()
                t.column("grouping", .text).notNull()
                t.column("periods", .text).notNull()
                t.column("requested_by", .text).notNull()
                t.column("requested_on", .text).notNull()
                t.column("status", .text).notNull().check { ["requested", "released", "refused"].contains($0) }
                t.column("reason_en", .text)
                t.column("reason_de", .text)
                t.column("release_id", .text)
                t.column("released_by", .text)
                t.column("decided_on", .text)
                t.column("json", .text)
                t.column("csv_de", .text)
                t.column("csv_en", .text)
                t.column("html_de", .text)
                t.column("html_en", .text)
            }
        }
    }

    /// A random id of 16 lower-case hex digits.
    static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<8).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }

    /// Whether `text` could be an id at all (so that nothing else reaches a query).
    static func isWellFormed(_ text: String) -> Bool {
        text.count == 16 && text.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }

    func add(_ request: ReportRequest) throws {
        try database.write { try request.insert($0) }
    }

    /// Open requests first, then the decided ones, newest first within each.
    func all() throws -> [ReportRequest] {
        try database.read { db in
            try ReportRequest.fetchAll(db).sorted { a, b in
                if (a.status == .requested) != (b.status == .requested) { return a.status == .requested }
                return (a.decidedOn ?? a.requestedOn, a.id) > (b.decidedOn ?? b.requestedOn, b.id)
            }
        }
    }

    func find(_ id: String) throws -> ReportRequest? {
        guard Self.isWellFormed(id) else { return nil }
        return try database.read { try ReportRequest.fetchOne($0, key: id) }
    }

    /// Stores the outcome, but only for a request still open (two clicks never release twice).
    @discardableResult
    func decide(_ id: String, _ change: (inout ReportRequest) -> Void) throws -> Bool {
        try database.write { db in
            guard var request = try ReportRequest.fetchOne(db, key: id), request.status == .requested else { return false }
            change(&request)
            try request.update(db)
            return true
        }
    }
}
