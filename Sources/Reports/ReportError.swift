/// Why a report was not released.
public enum ReportError: Error, Equatable, Sendable, CustomStringConvertible {
    case noData(period: Int)
    case noPeriods
    case refused(reason: String)

    public var description: String { english }

    public var english: String {
        switch self {
        case .noData(let period): "no data is held for hiring year \(period) (never entered, or purged)"
        case .noPeriods: "no hiring year holds any data yet"
        case .refused(let reason): "release refused: \(reason)"
        }
    }

    public var german: String {
        switch self {
        case .noData(let period): "Für das Einstellungsjahr \(period) liegen keine Daten vor (nie erfasst oder gelöscht)."
        case .noPeriods: "Es liegen noch für kein Einstellungsjahr Daten vor."
        case .refused(let reason): "Veröffentlichung abgelehnt: \(reason)"
        }
    }
}
