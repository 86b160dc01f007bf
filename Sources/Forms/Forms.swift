/// Forms knows what a questionnaire asks and what its answers mean.
///
/// A ``FormDefinition`` is read from `forms/*.yaml`: its context fields (entered by HR), its items
/// (the respondent's own answers, every one optional) and the rules that derive the indicators
/// (``Indicator``) in memory during a report. ``OrgUnits`` reads `forms/units.yaml`.
///
/// Entries arrive as JSON, JSON Lines or CSV (``EntryParser``) and become a validated ``Entry`` or a
/// clear ``InputError`` naming the file, line and field. Nothing in this module stores or encrypts.
///
/// ## Topics
/// - ``FormDefinition``, ``ContextField``, ``Item``, ``AnswerCode``, ``LocalizedText``
/// - ``Indicator``, ``IndicatorRule``
/// - ``OrgUnits``, ``OrgUnit``, ``Dezernat``
/// - ``Entry``, ``Decline``, ``EntryParser``, ``InputError``
/// - ``Codebook``, ``EntryCodes``, ``HiringQuarter``: what a sealed field's code numbers mean
/// - ``ReportForm``: the form versions a report of an indicator counts
public enum Forms {}
