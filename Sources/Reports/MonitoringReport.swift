import Forms

/// One monitoring release: per goal of `reports/monitoring.yaml`, the goal as it was written then,
/// its reference share and the table released for it, from which every figure is computed
/// (``GoalFigures``). Stored as ``json()`` and read back with ``init(json:)``, like a report, so the
/// dashboard and the council's print show what was released and nothing else.
public struct MonitoringReport: Sendable, Equatable {
    public struct Panel: Sendable, Equatable {
        public let goal: MonitoringGoal
        public let reference: ReferenceShares.Reference?
        /// The goal's trend as released and recorded in the ledger; nil while no year from the
        /// baseline on is held.
        public let table: PublishedReport?
        /// Tables earlier monitorings released for the goal, for years no longer held (``GoalFigures``).
        public let carried: [PublishedReport]
        public let figures: GoalFigures

        public init(goal: MonitoringGoal, reference: ReferenceShares.Reference?, table: PublishedReport?, carried: [PublishedReport] = [],
                    lowResponseRate: Double) {
            self.goal = goal
            self.reference = reference
            self.table = table
            self.carried = carried
            figures = GoalFigures(goal: goal, table: table, carried: carried, reference: reference, lowResponseRate: lowResponseRate)
        }

        /// The table of the ledger with this release id, if the panel shows it.
        public func table(release: String) -> PublishedReport? {
            ([table].compactMap { $0 } + carried).first { $0.release == release }
        }
    }

    /// The day of the release: the data status (Datenstand) of every figure.
    public let day: String
    public let lowResponseRate: Double
    public let panels: [Panel]

    public init(day: String, lowResponseRate: Double, panels: [Panel]) {
        self.day = day
        self.lowResponseRate = lowResponseRate
        self.panels = panels
    }

    /// The releases of the ledger whose figures the monitoring shows, carried ones included.
    public var releases: [String] { panels.flatMap(\.figures.releases) }

    /// The tables this monitoring released itself.
    public var newReleases: [String] { panels.compactMap { $0.table?.release } }

    /// The disclosure note every rendering carries.
    public static let disclosureNote = LocalizedText(
        de: "Alle Zahlen stammen aus Veröffentlichungen, die die statistische Geheimhaltungsprüfung bestanden haben und im "
            + "Veröffentlichungsprotokoll verzeichnet sind. Zurückgehaltene Werte sind mit „.“ gekennzeichnet; Anteile beziehen sich "
            + "auf die Antwortenden, die Angaben sind freiwillig. Die Spannweite zeigt den Anteil, wenn alle Befragten, die nicht "
            + "geantwortet haben, ausnahmslos in die eine oder andere Richtung geantwortet hätten; nicht eingelöste Einladungen "
            + "zählen dabei nicht mit (sie stehen in der Beteiligungszeile der Veröffentlichung).",
        en: "Every figure comes from releases that passed statistical disclosure control and are recorded in the release ledger. "
            + "Withheld figures show “.”; shares are of the respondents, and answering is voluntary. The range shows the share if "
            + "everyone asked who did not answer had answered one way or the other without exception; invitations never "
            + "answered are not part of it (they are in the release's participation line).")
}
