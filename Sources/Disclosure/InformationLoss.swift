/// What a release withholds, by cause: the information loss tau-ARGUS and sdcTable report.
///
/// For the statistics unit's own run only. It counts the respondents in withheld leaf cells, a
/// figure about withheld cells, so it never goes into a published report, nor into the ledger (the
/// data file is not sealed; the ledger keeps the number of withheld cells only).
public struct InformationLoss: Sendable, Equatable, Codable {
    public struct Withheld: Sendable, Equatable, Codable {
        /// Withheld cells, margins included.
        public var cells = 0
        /// Respondents in withheld leaf cells (each counted once: leaf cells do not overlap).
        public var respondents = 0

        public init(cells: Int = 0, respondents: Int = 0) {
            self.cells = cells
            self.respondents = respondents
        }
    }

    public init(byCause: [String: Withheld] = [:]) { self.byCause = byCause }

    /// Per ``SuppressionReason`` (its raw value).
    public var byCause: [String: Withheld] = [:]

    public var cells: Int { byCause.values.reduce(0) { $0 + $1.cells } }
    public var respondents: Int { byCause.values.reduce(0) { $0 + $1.respondents } }

    /// Reads like `12 cells (primary 4, secondary 8), 17 respondents`.
    public var summary: String {
        let causes = SuppressionReason.allCases.compactMap { reason in byCause[reason.rawValue].map { "\(reason.rawValue) \($0.cells)" } }
        return "\(cells) cells" + (causes.isEmpty ? "" : " (\(causes.joined(separator: ", ")))") + ", \(respondents) respondents"
    }
}

extension ProtectedTable {
    public var informationLoss: InformationLoss {
        var loss = InformationLoss()
        for cell in cells where cell.status == .suppressed {
            let cause = (cell.reason ?? .secondary).rawValue
            loss.byCause[cause, default: .init()].cells += 1
            if cell.isLeaf { loss.byCause[cause, default: .init()].respondents += cell.confidentialCount }
        }
        return loss
    }
}
