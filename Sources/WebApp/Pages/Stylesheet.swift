import Reports
/// The one stylesheet, served at `/static/style.css`. No inline styles anywhere (CSP).
///
/// Colours meet WCAG 2.1 AA contrast (text #1a1a1a on #fff is 17:1, links #0b4f8a on #fff 8.6:1,
/// errors #a4000f on #fff 7.9:1); focus is a thick outline that never disappears.
/// Sides are logical (`inline-start`, `text-align: start`), so a right-to-left survey page
/// (`dir="rtl"`) mirrors; codes stay left to right inside it.
enum Stylesheet {
    static let css = MonitoringReport.stylesheet + "\n" + #"""
    :root { color-scheme: light; }
    .code, input[name="code"] { direction: ltr; unicode-bidi: isolate; }
    * { box-sizing: border-box; }
    body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 1.0625rem;
      line-height: 1.5; color: #1a1a1a; background: #fff; }
    a { color: #0b4f8a; text-decoration: underline; }
    a:hover { color: #062c4d; }
    :focus-visible, a:focus, button:focus, input:focus, select:focus, textarea:focus { outline: 3px solid #b35900; outline-offset: 2px; }
    .skip { position: absolute; inset-inline-start: -10000px; top: 0; background: #fff; padding: .5rem 1rem; }
    .skip:focus { inset-inline-start: 1rem; z-index: 10; }
    header.site { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: center; padding: .75rem 1.5rem;
      border-bottom: 4px solid #0b4f8a; background: #f3f6f9; }
    .brand { margin: 0; font-weight: 700; font-size: 1.25rem; }
    .brand span { font-weight: 400; font-size: .95rem; color: #3b3b3b; margin-inline-start: .5rem; }
    header nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; margin: 0; padding: 0; }
    header nav a[aria-current="page"] { font-weight: 700; }
    .session { margin-inline-start: auto; display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
    main { max-width: 52rem; margin: 0 auto; padding: 1.5rem; }
    main:focus { outline: none; }
    footer.site { max-width: 52rem; margin: 2rem auto; padding: 0 1.5rem; color: #3b3b3b; font-size: .95rem; }
    h1 { font-size: 1.75rem; line-height: 1.25; }
    .stack .field { margin: 0 0 1.25rem; }
    label { display: block; font-weight: 600; margin-bottom: .25rem; }
    .choice label, .check label { display: inline; font-weight: 400; margin-inline-start: .4rem; }
    .choice, .check { margin: .35rem 0; }
    input[type="text"], input[type="password"], input[type="date"], select, textarea { font: inherit; padding: .45rem .6rem; border: 2px solid #4d4d4d;
      border-radius: 3px; min-width: 16rem; max-width: 100%; background: #fff; color: #1a1a1a; }
    input[type="radio"], input[type="checkbox"] { width: 1.2rem; height: 1.2rem; vertical-align: middle; accent-color: #0b4f8a; }
    fieldset.group { border: 1px solid #8c8c8c; border-radius: 4px; margin: 0 0 1.5rem; padding: 1rem 1.25rem; }
    legend { font-weight: 700; padding: 0 .35rem; }
    .hint { color: #3b3b3b; margin-top: 0; }
    .error { color: #a4000f; font-weight: 600; margin: .25rem 0; }
    .invalid input[type="text"], .invalid input[type="password"], .invalid input[type="date"], .invalid select, .invalid textarea { border-color: #a4000f; }
    fieldset.invalid { border: 2px solid #a4000f; }
    .error-summary { border: 3px solid #a4000f; padding: .75rem 1.25rem; margin-bottom: 1.5rem; }
    .error-summary h2 { margin-top: 0; font-size: 1.2rem; }
    .notice { border-inline-start: 6px solid #0b6e3a; background: #eef7f1; padding: .75rem 1rem; }
    button { font: inherit; padding: .55rem 1.1rem; border: 2px solid #0b4f8a; border-radius: 3px; background: #0b4f8a;
      color: #fff; cursor: pointer; }
    button:hover { background: #062c4d; }
    button.secondary, button.link { background: #fff; color: #0b4f8a; }
    button.secondary:hover, button.link:hover { background: #e6eef6; }
    button.link { border: none; padding: 0; text-decoration: underline; }
    .actions { display: flex; flex-wrap: wrap; gap: 1rem; margin-top: 1rem; }
    form.inline { display: inline; }
    table { border-collapse: collapse; width: 100%; margin: 0 0 1.5rem; }
    caption { text-align: start; font-weight: 700; padding: .5rem 0; }
    th, td { text-align: start; padding: .4rem .6rem; border-bottom: 1px solid #8c8c8c; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .receipt { border: 2px solid #1a1a1a; padding: 1rem 1.5rem; margin: 0 0 1.5rem; }
    .receipt .code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 1.6rem; letter-spacing: .08em;
      font-weight: 700; }
    .receipt .url { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
    ul.tasks li { margin: .4rem 0; }
    td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1.25rem; }
    dl.facts dt { font-weight: 600; }
    dl.facts dd { margin: 0; }
    code.hash { overflow-wrap: anywhere; }
    .status { font-weight: 600; }
    .status-released { color: #0b6e3a; }
    .status-refused, .reason { color: #a4000f; }
    form.inline-block { display: inline-block; margin: 0 1rem 1rem 0; }
    /* A released report, embedded from PublishedReport.html (its own <style> is left out: CSP). */
    .report { overflow-x: auto; }
    main:has(> article.report), main:has(> article.audit) { max-width: 76rem; }
    .report table { font-size: .95rem; }
    .report th, .report td { border: 1px solid #8c8c8c; padding: .25rem .45rem; }
    .report td.n { text-align: right; font-variant-numeric: tabular-nums; }
    .report tr.margin { background: #eef2f7; font-weight: 600; }
    .report .meta, .report .legend { color: #3b3b3b; }
    .report figure { margin: 1rem 0; }
    .report svg { max-width: 100%; height: auto; }
    .report svg text { font: 12px system-ui, sans-serif; fill: #1a1a1a; }
    /* The DPO's audit, embedded from AuditReport.html. */
    .audit th, .audit td { border: 1px solid #8c8c8c; padding: .3rem .5rem; }
    .audit td.n { text-align: right; }
    .audit .critical { color: #a4000f; font-weight: 700; }
    .audit .warning { color: #7a4a00; }
    .audit .verdict { padding: .8rem; border: 2px solid #0b6e3a; }
    .audit .verdict.bad { border-color: #a4000f; }
    @media print {
      header.site, footer.site, .no-print, .skip { display: none; }
      main { max-width: none; padding: 0; }
      .receipt { break-inside: avoid; border-color: #000; }
      .report tr.margin { background: none; }
    }
    """#
}
