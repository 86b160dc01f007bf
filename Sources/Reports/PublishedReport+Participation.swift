import Forms

extension PublishedReport {
    /// One period's participation: who answered, who declined inside the questionnaire and whose
    /// invitation expired unanswered, so that a response rate can count everyone invited or asked.
    public struct Participation: Sendable, Equatable {
        public let period: Int
        /// The period's answer categories summed at the all-groups Total; nil when one is withheld,
        /// or when the table shows no total of this period alone (a baseline over several years).
        public let answered: Int?
        /// The published `declined` count at the same Total; nil likewise.
        public let declined: Int?
        /// Invitations of the period expired unanswered as of the release; nil when withheld
        /// (``publishable(notAnswered:minCell:roundingBase:)``). Invitations still open are not counted.
        public let notAnswered: Int?
        /// answered ÷ (answered + declined + not answered): from published figures only, and only
        /// when that denominator reaches `minCell`.
        public let responseRate: Double?
    }

    /// The not-answered count as a release may print it: 0 or at least `minCell`, else nil; under a
    /// rounding policy rounded to its base like every published count, so the page's policy
    /// sentence holds for it too.
    ///
    /// The count has no breakdown below the period and counts people who have no response, so it
    /// shares no person with any audited cell and cannot narrow one. Still, a count of 1 to
    /// `minCell` − 1 would tell a reader who knows whom HR invited that this person did not
    /// answer, so such a count is withheld: printed as the withheld mark, with nothing else about it
    /// (no reason, interval or name, as for every withheld cell).
    static func publishable(notAnswered count: Int, minCell: Int, roundingBase: Int? = nil) -> Int? {
        guard count == 0 || count >= minCell else { return nil }
        guard let base = roundingBase else { return count }
        return (count + base / 2) / base * base
    }

    /// Each period's line, from the published cells and the period's published not-answered count.
    /// The one rule for a release and for a stored report read back, so both show the same figures;
    /// a report stored before participation was published has no lines.
    /// `answerCategories` as for ``cells(_:answerCategories:minCell:)``: the indicator's, without `declined`.
    static func participation(notAnswered lines: [(period: Int, count: Int?)], cells: [Cell], dimensions: [Dimension],
                              answerCategories: [String], minCell: Int) -> [Participation] {
        let byYear = dimensions.contains { $0.name == "year" }
        return lines.map { period, notAnswered in
            // The period's Total: its own year in a trend, the whole table in a one-year baseline.
            let total = byYear || lines.count == 1
                ? Dictionary(uniqueKeysWithValues: dimensions.map { ($0.name, $0.name == "year" ? String(period) : ReportTableBuilder.total) })
                : nil
            func published(_ category: String) -> Int? {
                guard let total else { return nil }
                return cells.first { $0.category == category && $0.coordinates == total }?.count
            }
            let answered = sum(answerCategories.map(published))
            let declined = published(AtomTable.declined)
            var rate: Double?
            if let answered, let declined, let notAnswered, answered + declined + notAnswered >= minCell {
                rate = Double(answered) / Double(answered + declined + notAnswered)
            }
            return Participation(period: period, answered: answered, declined: declined, notAnswered: notAnswered, responseRate: rate)
        }
    }

    /// The words every rendering of the participation lines uses.
    enum ParticipationText {
        static let heading = LocalizedText(de: "Beteiligung", en: "Participation")
        static let answered = LocalizedText(de: "beantwortet", en: "answered")
        static let notAnswered = LocalizedText(de: "nicht beantwortet", en: "not answered")
        static let rate = LocalizedText(de: "% Antwortquote", en: "% response rate")
        /// No semicolon in German, no comma in English: the line goes into each CSV dialect as is.
        static let legend = LocalizedText(
            de: "beantwortet = Antwortende · nicht beantwortet = unbeantwortet verfallene Einladungen (noch offene Einladungen zählen nicht) · Antwortquote = beantwortet ÷ (beantwortet + abgelehnt + nicht beantwortet) nur aus veröffentlichten Zahlen und ab der Mindestfallzahl",
            en: "answered = respondents · not answered = invitations expired unanswered (invitations still open are not counted) · response rate = answered ÷ (answered + declined + not answered) from published figures only and from the minimum cell size on")
    }

    /// The column headings of the participation lines, in order.
    func participationHeadings(_ language: String) -> [String] {
        [title(ofDimension: "year", language), ParticipationText.answered.text(language),
         categoryLabels[AtomTable.declined]?.text(language) ?? AtomTable.declined,
         ParticipationText.notAnswered.text(language), ParticipationText.rate.text(language)]
    }

    /// A line's cells as printed, in the order of ``participationHeadings(_:)``: "." withheld, a zero
    /// as "0" (a sum of rounded cells is not known to be zero, so no "–").
    func participationRow(_ line: Participation, _ language: String) -> [String] {
        [String(line.period)] + [line.answered, line.declined, line.notAnswered].map { Self.display($0, status: nil) }
            + [percent(line.responseRate, language)]
    }
}
