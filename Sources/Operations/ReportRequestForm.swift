import Forms
import Reports
import Store

/// What the integration office asks for, as sent by the request page or the API, before checking.
///
/// The page posts `kind`, `indicator`, `by1`, `by2` and `years`; the API sends `by` as a list. Both
/// reach ``request(user:form:)`` (through ``Installation/request(_:by:)``), so a request is checked by one set of rules whichever way it came.
public struct ReportRequestForm: Sendable {
    public var kind: String?
    public var indicator: String?
    public var by: [String]
    public var years: String?
    /// The field an error about the n-th grouping names (`by1`/`by2` on the page, `by` in the API).
    public var groupingField: @Sendable (Int) -> String

    public init(kind: String?, indicator: String?, by: [String], years: String?, groupingField: @escaping @Sendable (Int) -> String) {
        self.kind = kind
        self.indicator = indicator
        self.by = by
        self.years = years
        self.groupingField = groupingField
    }

    /// The checked request, ready to queue; an error names the field to correct.
    func request(user: String, form: FormDefinition?) throws -> ReportRequest {
        guard let kind = kind.flatMap(ReportRequest.Kind.init(rawValue:)) else {
            throw InputError(field: "kind", english: "choose baseline or trend", german: "Bitte Ist-Wert oder Entwicklung wählen.")
        }
        guard let indicator, form?.indicator(indicator) != nil else {
            throw InputError(field: "indicator", english: "choose an indicator", german: "Bitte ein Merkmal wählen.")
        }
        // Positions are those sent, so an error names the select the reader actually used.
        let chosen = by.enumerated().filter { !$0.element.isEmpty }
        guard !chosen.isEmpty else {
            throw InputError(field: groupingField(0), english: "choose a grouping", german: "Bitte eine Gliederung wählen.")
        }
        guard chosen.count <= 2 else {
            throw InputError(field: groupingField(chosen[2].offset), english: "choose at most two groupings", german: "Bitte höchstens zwei Gliederungen wählen.")
        }
        for (position, key) in chosen where !ReportDefinition.groupings.contains(key) {
            throw InputError(field: groupingField(position), english: "unknown grouping", german: "Unbekannte Gliederung.")
        }
        let by = chosen.map(\.element)
        guard by.count == Set(by).count else {
            throw InputError(field: groupingField(chosen.last!.offset), english: "choose two different groupings", german: "Bitte zwei verschiedene Gliederungen wählen.")
        }
        let text = (years ?? "").trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "")
        let periods = text.isEmpty ? (kind == .baseline ? "latest" : "all") : text
        let yearsError = InputError(field: "years", english: kind == .baseline ? "a baseline takes one hiring year (YYYY), or leave it empty for the latest"
                                                                               : "a trend takes a range such as 2021-2025, or all; leave it empty for all",
                                    german: kind == .baseline ? "Ein Ist-Wert gilt für ein Einstellungsjahr (JJJJ); leer lassen für das neueste."
                                                              : "Eine Entwicklung braucht einen Bereich wie 2021-2025 oder all; leer lassen für alle.")
        switch ReportDefinition.Periods(parsing: periods) {
        case nil: throw yearsError
        case .years(let range) where kind == .baseline && range.count > 1: throw yearsError
        case .years(let range) where kind == .trend && range.count < 2: throw yearsError
        case .all where kind == .baseline: throw yearsError
        case .latest where kind == .trend: throw yearsError
        default: break
        }
        return ReportRequest(id: ReportRequestStore.newID(), kind: kind, indicator: indicator, grouping: by.joined(separator: ","),
                             periods: periods, requestedBy: user, requestedOn: AuditDay.today())
    }
}
