import Foundation
internal import GRDB

/// One report request of the integration office, and once released, its rendered outputs.
///
/// Only aggregates are ever stored here: the renderings of a ``PublishedReport`` (which has passed
/// disclosure control and is in the release ledger). Nothing is stored before the release succeeded,
/// so an integration page cannot show an unreleased figure: it has none to show.
public struct ReportRequest: Codable, StoredRecord, Sendable, Equatable {
    static let table = "report_request"

    public enum Status: String, Codable, Sendable { case requested, released, refused }
    /// What is asked for: one hiring year (`baseline`) or several side by side (`trend`).
    public enum Kind: String, Codable, Sendable { case baseline, trend }

    public var id: String
    public var kind: Kind
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
    /// The released report, once, as its JSON document (`PublishedReport.json()`); every page,
    /// download and API answer is rendered from it.
    public var json: String?

    enum CodingKeys: String, CodingKey {
        case id, kind, indicator, grouping, periods, status, json
        case requestedBy = "requested_by", requestedOn = "requested_on"
        case reasonEnglish = "reason_en", reasonGerman = "reason_de"
        case releaseID = "release_id", releasedBy = "released_by", decidedOn = "decided_on"
    }

    public var by: [String] { grouping.split(separator: ",").map(String.init) }

    /// A new open request.
    public init(id: String, kind: Kind, indicator: String, grouping: String, periods: String, requestedBy: String,
                requestedOn: String) {
        self.id = id
        self.kind = kind
        self.indicator = indicator
        self.grouping = grouping
        self.periods = periods
        self.requestedBy = requestedBy
        self.requestedOn = requestedOn
        status = .requested
    }
}
