/// The integration office's and the statistics unit's pages: requests, reports, the ledger.
extension Templates {
    static let requestRow = #"""
    <td>{{requestedOn}}</td><td>{{kind}}: {{indicator}}</td><td>{{grouping}}</td><td>{{years}}</td>
    <td><span class="status status-{{statusCode}}">{{status}}</span>{{#released}} ({{t.release_id}} <code>{{releaseID}}</code>){{/released}}{{#refused}}<br><span class="reason">{{t.refused_reason}}: {{reason}}</span>{{/refused}}</td>
    """#

    static let reports = #"""
    {{<layout}}{{$title}}{{#hasErrors}}{{t.error_title}}: {{/hasErrors}}{{t.reports_title}}{{/title}}{{$main}}
    <h1>{{t.reports_title}}</h1>
    <p>{{t.reports_intro}}</p>
    {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
    """# + errorSummary + #"""
    <h2>{{t.requests_title}}</h2>
    {{^hasRequests}}<p>{{t.no_requests}}</p>{{/hasRequests}}
    {{#hasRequests}}<table>
    <caption>{{t.requests_title}}</caption>
    <thead><tr><th scope="col">{{t.col_requested}}</th><th scope="col">{{t.col_report}}</th><th scope="col">{{t.col_by}}</th><th scope="col">{{t.col_years}}</th><th scope="col">{{t.col_status}}</th><th scope="col"><span class="visually-hidden">{{t.report_view}}</span></th></tr></thead>
    <tbody>
    {{#requests}}<tr>{{>requestRow}}<td>{{#released}}<a href="/reports/{{id}}">{{t.report_view}}</a>{{/released}}</td></tr>
    {{/requests}}
    </tbody></table>{{/hasRequests}}
    <h2>{{t.report_request_title}}</h2>
    <form method="post" action="/reports" class="stack" novalidate>
    <input type="hidden" name="_csrf" value="{{csrf}}">
    <fieldset class="group{{#error_kind}} invalid{{/error_kind}}">
    <legend>{{t.field_kind}}</legend>
    {{#error_kind}}<p class="error" id="kind-error">{{message}}</p>{{/error_kind}}
    {{#kinds}}<div class="choice"><input type="radio" id="kind-{{code}}" name="kind" value="{{code}}"{{#checked}} checked{{/checked}}>
    <label for="kind-{{code}}">{{label}}</label></div>
    {{/kinds}}
    </fieldset>
    <div class="field{{#error_indicator}} invalid{{/error_indicator}}"><label for="indicator">{{t.field_indicator}}</label>
    {{#error_indicator}}<p class="error" id="indicator-error">{{message}}</p>{{/error_indicator}}
    <select id="indicator" name="indicator"{{#error_indicator}} aria-invalid="true" aria-describedby="indicator-error"{{/error_indicator}}>
    {{#indicators}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>
    {{/indicators}}</select></div>
    <div class="field{{#error_by1}} invalid{{/error_by1}}"><label for="by1">{{t.field_by1}}</label>
    {{#error_by1}}<p class="error" id="by1-error">{{message}}</p>{{/error_by1}}
    <select id="by1" name="by1"{{#error_by1}} aria-invalid="true" aria-describedby="by1-error"{{/error_by1}}>
    {{#by1}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>
    {{/by1}}</select></div>
    <div class="field{{#error_by2}} invalid{{/error_by2}}"><label for="by2">{{t.field_by2}}</label>
    {{#error_by2}}<p class="error" id="by2-error">{{message}}</p>{{/error_by2}}
    <select id="by2" name="by2"{{#error_by2}} aria-invalid="true" aria-describedby="by2-error"{{/error_by2}}>
    <option value="">{{t.group_none}}</option>
    {{#by2}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>
    {{/by2}}</select></div>
    <div class="field{{#error_years}} invalid{{/error_years}}"><label for="years">{{t.field_years}}</label>
    <p class="hint" id="years-hint">{{t.years_hint}}</p>
    {{#error_years}}<p class="error" id="years-error">{{message}}</p>{{/error_years}}
    <input id="years" name="years" type="text" inputmode="numeric" autocomplete="off" maxlength="9" value="{{years}}" aria-describedby="years-hint{{#error_years}} years-error{{/error_years}}"{{#error_years}} aria-invalid="true"{{/error_years}}>
    </div>
    <p><button type="submit">{{t.report_request_submit}}</button></p>
    </form>
    {{/main}}{{/layout}}
    """#

    static let report = #"""
    {{<layout}}{{$title}}{{t.reports_title}}{{/title}}{{$main}}
    <article class="report">
    {{{reportBody}}}
    </article>
    <h2>{{t.report_downloads}}</h2>
    <ul class="tasks">
    <li><a href="/reports/{{id}}/csv?locale=de" download>{{t.download_csv_de}}</a></li>
    <li><a href="/reports/{{id}}/csv?locale=en" download>{{t.download_csv_en}}</a></li>
    <li><a href="/reports/{{id}}/json" download>{{t.download_json}}</a></li>
    </ul>
    <p class="no-print"><a href="/reports">{{t.back_to_reports}}</a></p>
    {{/main}}{{/layout}}
    """#

    /// The passphrase, or two keyholders with theirs: every form that unlocks the keystore.
    static let unlockFields = #"""
    {{^keyholders}}<div class="field{{#passphraseError}} invalid{{/passphraseError}}">
    <label for="passphrase">{{t.passphrase}}</label>
    <p class="hint" id="passphrase-hint">{{t.passphrase_hint}}</p>
    {{#passphraseError}}<p class="error" id="passphrase-error">{{passphraseError}}</p>{{/passphraseError}}
    {{! new-password, not off: Chrome ignores off on password fields and would fill in the saved sign-in password }}
    <input id="passphrase" name="passphrase" type="password" autocomplete="new-password" required maxlength="1024" aria-describedby="passphrase-hint{{#passphraseError}} passphrase-error{{/passphraseError}}"{{#passphraseError}} aria-invalid="true"{{/passphraseError}}>
    </div>{{/keyholders}}
    {{#keyholders}}<p class="hint" id="keyholders-hint">{{t.keyholders_hint}} {{keyholders}}</p>
    """# + keyholderField("holder", label: "holder_first", type: "text")
    + keyholderField("passphrase", label: "passphrase_first", type: "password")
    + keyholderField("second_holder", label: "holder_second", type: "text")
    + keyholderField("second_passphrase", label: "passphrase_second", type: "password") + #"""
    {{/keyholders}}
    """#

    static let requests = #"""
    {{<layout}}{{$title}}{{t.queue_title}}{{/title}}{{$main}}
    <h1>{{t.queue_title}}</h1>
    <p>{{t.queue_intro}}</p>
    {{^hasRequests}}<p>{{t.no_requests}}</p>{{/hasRequests}}
    {{#hasRequests}}<table>
    <caption>{{t.queue_title}}</caption>
    <thead><tr><th scope="col">{{t.col_requested}}</th><th scope="col">{{t.col_report}}</th><th scope="col">{{t.col_by}}</th><th scope="col">{{t.col_years}}</th><th scope="col">{{t.col_status}}</th><th scope="col">{{t.col_who}}</th><th scope="col"><span class="visually-hidden">{{t.request_open}}</span></th></tr></thead>
    <tbody>
    {{#requests}}<tr>{{>requestRow}}<td>{{requestedBy}}</td><td><a href="/statistics/requests/{{id}}">{{#open}}{{t.request_open}}{{/open}}{{^open}}{{t.request_show}}{{/open}}</a></td></tr>
    {{/requests}}
    </tbody></table>{{/hasRequests}}
    {{/main}}{{/layout}}
    """#

    static let request = #"""
    {{<layout}}{{$title}}{{#hasErrors}}{{t.error_title}}: {{/hasErrors}}{{t.request_title}}{{/title}}{{$main}}
    <h1>{{t.request_title}}</h1>
    {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
    """# + errorSummary.replacingOccurrences(of: "<p>{{t.nothing_stored}}</p>", with: "") + #"""
    {{#request}}<dl class="facts">
    <dt>{{t.col_report}}</dt><dd>{{kind}}: {{indicator}}</dd>
    <dt>{{t.col_by}}</dt><dd>{{grouping}}</dd>
    <dt>{{t.col_years}}</dt><dd>{{years}}</dd>
    <dt>{{t.col_requested}}</dt><dd>{{requestedOn}} ({{requestedBy}})</dd>
    <dt>{{t.col_status}}</dt><dd><span class="status status-{{statusCode}}">{{status}}</span></dd>
    {{#released}}<dt>{{t.release_id}}</dt><dd><code>{{releaseID}}</code></dd>{{/released}}
    {{#refused}}<dt>{{t.refused_reason}}</dt><dd>{{reason}}</dd>{{/refused}}
    {{#decidedOn}}<dt>{{t.decided_on}}</dt><dd>{{decidedOn}} ({{releasedBy}})</dd>{{/decidedOn}}
    </dl>
    {{#open}}<form method="post" action="/statistics/requests/{{id}}/release" class="stack" autocomplete="off" novalidate>
    <input type="hidden" name="_csrf" value="{{csrf}}">
    {{>unlockFields}}
    <p class="hint">{{t.release_note}}</p>
    <p><button type="submit">{{t.release_submit}}</button></p>
    </form>
    <form method="post" action="/statistics/requests/{{id}}/refuse" class="stack" novalidate>
    <input type="hidden" name="_csrf" value="{{csrf}}">
    <div class="field{{#reasonError}} invalid{{/reasonError}}">
    <label for="reason">{{t.refuse_reason}}</label>
    <p class="hint" id="reason-hint">{{t.refuse_hint}}</p>
    {{#reasonError}}<p class="error" id="reason-error">{{reasonError}}</p>{{/reasonError}}
    <textarea id="reason" name="reason" rows="3" maxlength="500" required aria-describedby="reason-hint{{#reasonError}} reason-error{{/reasonError}}"{{#reasonError}} aria-invalid="true"{{/reasonError}}></textarea>
    </div>
    <p><button type="submit" class="secondary">{{t.refuse_submit}}</button></p>
    </form>{{/open}}{{/request}}
    <p><a href="/statistics/requests">{{t.queue_title}}</a> · <a href="/statistics/releases">{{t.ledger_title}}</a></p>
    {{/main}}{{/layout}}
    """#

    static let releases = #"""
    {{<layout}}{{$title}}{{t.ledger_title}}{{/title}}{{$main}}
    <h1>{{t.ledger_title}}</h1>
    <p>{{t.ledger_intro}}</p>
    {{^hasReleases}}<p>{{t.no_releases}}</p>{{/hasReleases}}
    {{#hasReleases}}<table>
    <caption>{{t.ledger_title}}</caption>
    <thead><tr><th scope="col">{{t.col_id}}</th><th scope="col">{{t.col_day}}</th><th scope="col">{{t.col_who}}</th><th scope="col">{{t.col_report}}</th><th scope="col">{{t.col_indicator}}</th><th scope="col">{{t.col_years}}</th><th scope="col">{{t.col_cells}}</th><th scope="col">{{t.col_withheld}}</th></tr></thead>
    <tbody>
    {{#releases}}<tr><th scope="row"><code>{{id}}</code></th><td>{{day}}</td><td>{{role}} {{user}}</td><td>{{report}}</td><td>{{indicator}}</td><td>{{periods}}</td><td class="n">{{cells}}</td><td class="n">{{withheld}}</td></tr>
    {{/releases}}
    </tbody></table>{{/hasReleases}}
    {{/main}}{{/layout}}
    """#


    /// One field of the two-person release: a keyholder's name (shown as typed) or passphrase.
    static func keyholderField(_ name: String, label: String, type: String) -> String {
        let id = name.replacingOccurrences(of: "_", with: "-"), error = "\(name)Error"
        return """
            <div class="field{{#\(error)}} invalid{{/\(error)}}">
            <label for="\(id)">{{t.\(label)}}</label>
            {{#\(error)}}<p class="error" id="\(id)-error">{{\(error)}}</p>{{/\(error)}}
            <input id="\(id)" name="\(name)" type="\(type)" autocomplete="off" required maxlength="\(type == "text" ? 64 : 1024)" \
            aria-describedby="keyholders-hint{{#\(error)}} \(id)-error{{/\(error)}}"{{#\(error)}} aria-invalid="true"{{/\(error)}}>
            </div>

            """
    }
}
