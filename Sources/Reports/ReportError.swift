import Bilingual

/// Why a report was not released.
public enum ReportError: Error, Equatable, Sendable, CustomStringConvertible {
    case noData(period: Int)
    case noPeriods
    /// Disclosure control could not release the table. The reason says nothing about the data: a
    /// refusal that named a cell or a range would itself disclose (DESIGN.md, threat model 5).
    case refused
    /// Entries or withdrawals kept changing the data while it was decrypted; nothing was released.
    case dataChanging

    public var description: String { english }

    public var english: String {
        switch self {
        case .noData(let period): "no data is held for hiring year \(period) (never entered, or purged)"
        case .noPeriods: "no hiring year holds any data yet"
        case .refused: "release refused: the earlier releases in the ledger do not fit today's data; the statistics unit must check the ledger (nothing was published)"
        case .dataChanging: "entries or withdrawals changed the data while the report ran; nothing was released, run it again"
        }
    }

    public var german: String {
        switch self {
        case .noData(let period): "Für das Einstellungsjahr \(period) liegen keine Daten vor (nie erfasst oder gelöscht)."
        case .noPeriods: "Es liegen noch für kein Einstellungsjahr Daten vor."
        case .refused: "Veröffentlichung abgelehnt: Frühere Veröffentlichungen im Register passen nicht zu den heutigen Daten; die Statistikstelle muss das Register prüfen (nichts wurde veröffentlicht)."
        case .dataChanging: "Während des Laufs wurden Angaben erfasst oder widerrufen; nichts wurde veröffentlicht, bitte erneut starten."
        }
    }
}

extension ReportError: BilingualError {
    public var explanation: (english: String, german: String) { (english, german) }
    public var exitCode: CommandExitCode { .badInput }

    public var httpStatus: Int { self == .dataChanging ? 409 : 422 }
}
