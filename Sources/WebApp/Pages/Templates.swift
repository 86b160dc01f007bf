/// The Mustache templates of every page, compiled into the binary so that the server is one file.
///
/// Each page extends `layout` through Mustache inheritance (`{{<layout}}` with the blocks `title`
/// and `main`). Route files add their pages here under their own names (`report`, `audit` …).
enum Templates {
    static let all: [String: String] = [
        "layout": layout, "home": home, "login": login, "error": error,
        "forms": forms, "entry": entry, "receipt": receipt,
        "withdraw": withdraw, "withdrawn": withdrawn,
        "users": users, "units": units, "policy": policy, "formsAdmin": formsAdmin,
        "reports": reports, "report": report,
        "requests": requests, "request": request, "requestRow": requestRow, "releases": releases,
        "audit": audit, "logVerified": logVerified, "purge": purge,
    ]

    static let layout = #"""
    <!DOCTYPE html>
    <html lang="{{lang}}">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{$title}}{{/title}} – Vielfalt</title>
    <link rel="stylesheet" href="/static/style.css">
    </head>
    <body>
    <a class="skip" href="#main">{{t.skip}}</a>
    <header class="site">
    <p class="brand"><a href="/">{{t.app_name}}</a> <span>{{t.app_tagline}}</span></p>
    {{#hasTasks}}<nav aria-label="{{t.nav_label}}"><ul>
    {{#nav}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>
    {{/nav}}</ul></nav>{{/hasTasks}}
    <div class="session">
    {{#user}}<span>{{t.signed_in_as}} <strong>{{name}}</strong> ({{roleLabel}})</span>
    <form method="post" action="/logout" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="link">{{t.logout}}</button></form>
    {{/user}}{{^user}}<a href="/login">{{t.login}}</a>{{/user}}
    {{#switchHref}}<a href="{{switchHref}}" lang="{{otherLang}}" hreflang="{{otherLang}}">{{switchLabel}}</a>{{/switchHref}}
    </div>
    </header>
    <main id="main" tabindex="-1">
    {{$main}}{{/main}}
    </main>
    <footer class="site"><p>{{t.footer}}</p></footer>
    </body>
    </html>
    """#

    static let home = #"""
    {{<layout}}{{$title}}{{t.home_title}}{{/title}}{{$main}}
    <h1>{{t.home_title}}</h1>
    <p>{{t.home_intro}}</p>
    {{#user}}<h2>{{t.home_your_tasks}}</h2>
    {{#hasTasks}}<ul class="tasks">{{#nav}}<li><a href="{{href}}">{{label}}</a></li>{{/nav}}</ul>{{/hasTasks}}
    {{^hasTasks}}<p>{{t.home_no_tasks}}</p>{{/hasTasks}}{{/user}}
    {{^user}}<h2>{{t.home_staff}}</h2>
    <p><a href="/login">{{t.login}}</a></p>{{/user}}
    <h2>{{t.home_respondent}}</h2>
    <p><a href="/withdraw">{{t.home_withdraw}}</a></p>
    {{/main}}{{/layout}}
    """#

    static let login = #"""
    {{<layout}}{{$title}}{{t.login_title}}{{/title}}{{$main}}
    <h1>{{t.login_title}}</h1>
    {{#expired}}<p class="notice" role="status">{{t.login_expired}}</p>{{/expired}}
    {{#signedOut}}<p class="notice" role="status">{{t.signed_out}}</p>{{/signedOut}}
    {{#failed}}<div class="error-summary" role="alert"><p id="login-error">{{t.login_failed}}</p></div>{{/failed}}
    <form method="post" action="/login" class="stack">
    <input type="hidden" name="_csrf" value="{{csrf}}">
    <div class="field"><label for="name">{{t.login_name}}</label>
    <input id="name" name="name" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required maxlength="64" value="{{name}}"{{#failed}} aria-describedby="login-error"{{/failed}}></div>
    <div class="field"><label for="password">{{t.login_password}}</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="128"{{#failed}} aria-describedby="login-error"{{/failed}}></div>
    <p><button type="submit">{{t.login}}</button></p>
    </form>
    {{/main}}{{/layout}}
    """#

    static let error = #"""
    {{<layout}}{{$title}}{{t.error_title}} {{status}}{{/title}}{{$main}}
    <h1>{{t.error_title}} {{status}}</h1>
    <p>{{message}}</p>
    {{#detail}}<p>{{detail}}</p>{{/detail}}
    <p><a href="/">{{t.back_home}}</a></p>
    {{/main}}{{/layout}}
    """#

    static let forms = #"""
    {{<layout}}{{$title}}{{t.entry_title}}{{/title}}{{$main}}
    <h1>{{t.entry_title}}</h1>
    <p>{{t.entry_choose_form}}</p>
    <ul class="tasks">{{#forms}}<li><a href="/entry/{{id}}">{{title}}</a> ({{t.entry_version}} {{version}})</li>{{/forms}}</ul>
    {{/main}}{{/layout}}
    """#

    static let errorSummary = #"""
    {{#hasErrors}}<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
    <h2 id="error-summary-title">{{t.errors_title}}</h2>
    <ul>{{#errors}}<li>{{#anchor}}<a href="#{{anchor}}">{{label}}: {{message}}</a>{{/anchor}}{{^anchor}}{{label}}: {{message}}{{/anchor}}</li>{{/errors}}</ul>
    <p>{{t.nothing_stored}}</p>
    </div>{{/hasErrors}}
    """#

    static let entry = #"""
    {{<layout}}{{$title}}{{#hasErrors}}{{t.error_title}}: {{/hasErrors}}{{formTitle}}{{/title}}{{$main}}
    <h1>{{formTitle}}</h1>
    {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
    """# + errorSummary + #"""
    <form method="post" action="/entry/{{formID}}" class="stack" autocomplete="off" novalidate>
    <input type="hidden" name="_csrf" value="{{csrf}}">
    <input type="hidden" name="version" value="{{version}}">
    <fieldset class="group">
    <legend>{{t.context_legend}}</legend>
    <p class="hint" id="context-hint">{{t.context_hint}}</p>
    {{#context}}<div class="field{{#error}} invalid{{/error}}">
    <label for="{{id}}">{{label}}</label>
    {{#error}}<p class="error" id="{{id}}-error">{{message}}</p>{{/error}}
    {{#isText}}<input id="{{id}}" name="{{name}}" type="text" inputmode="numeric" autocomplete="off" maxlength="7" placeholder="{{placeholder}}" value="{{value}}" required{{#error}} aria-invalid="true" aria-describedby="{{id}}-error"{{/error}}>{{/isText}}
    {{^isText}}<select id="{{id}}" name="{{name}}" required{{#error}} aria-invalid="true" aria-describedby="{{id}}-error"{{/error}}>
    <option value="">{{t.choose}}</option>
    {{#options}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>
    {{/options}}</select>{{/isText}}
    </div>
    {{/context}}
    </fieldset>
    <fieldset class="group{{#consentError}} invalid{{/consentError}}">
    <legend>{{t.consent_legend}}</legend>
    <p id="consent-text">{{consentText}}</p>
    {{#consentError}}<p class="error" id="consent-error">{{consentError}}</p>{{/consentError}}
    <div class="check"><input id="consent" name="consent" type="checkbox" value="yes"{{#consentGiven}} checked{{/consentGiven}} aria-describedby="consent-text{{#consentError}} consent-error{{/consentError}}"{{#consentError}} aria-invalid="true"{{/consentError}}>
    <label for="consent">{{t.consent_confirm}}</label></div>
    </fieldset>
    <h2>{{t.items_legend}}</h2>
    {{#items}}<fieldset class="group question{{#error}} invalid{{/error}}" id="{{id}}"{{#error}} aria-describedby="{{id}}-error"{{/error}}>
    <legend>{{question}}</legend>
    {{#error}}<p class="error" id="{{id}}-error">{{message}}</p>{{/error}}
    {{#answers}}<div class="choice"><input type="radio" id="{{id}}" name="{{name}}" value="{{code}}"{{#checked}} checked{{/checked}}>
    <label for="{{id}}">{{label}}</label></div>
    {{/answers}}
    </fieldset>
    {{/items}}
    <div class="actions">
    <button type="submit" class="primary">{{t.save}}</button>
    <button type="submit" formaction="/entry/{{formID}}/decline" class="secondary">{{t.decline}}</button>
    </div>
    </form>
    {{/main}}{{/layout}}
    """#

    static let receipt = #"""
    {{<layout}}{{$title}}{{t.receipt_title}}{{/title}}{{$main}}
    {{#code}}<p class="no-print notice" role="status">{{t.receipt_print}}</p>
    <article class="receipt" lang="de">
    <h1>Quittung: Freiwillige Angaben zur Vielfalt</h1>
    <p>Ihre Angaben wurden verschlüsselt gespeichert.</p>
    <h2>Ihr Quittungscode</h2>
    <p class="code">{{code}}</p>
    <h2>So widerrufen Sie</h2>
    <p>{{de.receipt_withdraw}}</p>
    <p class="url">{{withdrawURL}}</p>
    <h2>Was mit Ihren Angaben geschieht</h2>
    <p>{{de.receipt_data}}</p>
    </article>
    <article class="receipt" lang="en">
    <h2>Receipt: voluntary diversity information</h2>
    <p>Your answers have been stored encrypted.</p>
    <h3>Your receipt code</h3>
    <p class="code">{{code}}</p>
    <h3>How to withdraw</h3>
    <p>{{en.receipt_withdraw}}</p>
    <p class="url">{{withdrawURL}}</p>
    <h3>What happens with your answers</h3>
    <p>{{en.receipt_data}}</p>
    </article>{{/code}}
    {{^code}}<h1>{{t.receipt_title}}</h1>
    <p class="notice" role="status">{{t.receipt_gone}}</p>{{/code}}
    <p class="no-print"><a href="/entry">{{t.receipt_next}}</a></p>
    {{/main}}{{/layout}}
    """#

    static let withdraw = #"""
    {{<layout}}{{$title}}{{#hasErrors}}{{t.error_title}}: {{/hasErrors}}{{t.withdraw_title}}{{/title}}{{$main}}
    <h1>{{t.withdraw_title}}</h1>
    <p>{{t.withdraw_intro}}</p>
    """# + errorSummary + #"""
    <form method="post" action="/withdraw" class="stack" autocomplete="off" novalidate>
    <input type="hidden" name="_csrf" value="{{csrf}}">
    <div class="field{{#codeError}} invalid{{/codeError}}">
    <label for="code">{{t.withdraw_code}}</label>
    <p class="hint" id="code-hint">{{t.withdraw_hint}}</p>
    {{#codeError}}<p class="error" id="code-error">{{codeError}}</p>{{/codeError}}
    <input id="code" name="code" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="40" required aria-describedby="code-hint{{#codeError}} code-error{{/codeError}}"{{#codeError}} aria-invalid="true"{{/codeError}}>
    </div>
    <p><button type="submit">{{t.withdraw_submit}}</button></p>
    </form>
    {{/main}}{{/layout}}
    """#

    static let withdrawn = #"""
    {{<layout}}{{$title}}{{t.withdraw_done_title}}{{/title}}{{$main}}
    <h1>{{t.withdraw_done_title}}</h1>
    <p class="notice" role="status">{{t.withdraw_done}}</p>
    <p><a href="/">{{t.back_home}}</a></p>
    {{/main}}{{/layout}}
    """#

    static let users = #"""
    {{<layout}}{{$title}}{{t.admin_users_title}}{{/title}}{{$main}}
    <h1>{{t.admin_users_title}}</h1>
    {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
    """# + errorSummary + #"""
    <table>
    <caption>{{t.admin_users_title}}</caption>
    <thead><tr><th scope="col">{{t.user_name}}</th><th scope="col">{{t.user_role}}</th><th scope="col">{{t.user_status}}</th><th scope="col"><span class="visually-hidden">{{t.user_disable}}</span></th></tr></thead>
    <tbody>
    {{#users}}<tr><th scope="row">{{name}}</th><td>{{roleLabel}}</td><td>{{status}}</td>
    <td>{{#active}}<form method="post" action="/admin/users/{{name}}/disable" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" aria-label="{{t.user_disable}}: {{name}}">{{t.user_disable}}</button></form>{{/active}}</td></tr>
    {{/users}}
    </tbody>
    </table>
    <h2>{{t.user_add_title}}</h2>
    <form method="post" action="/admin/users" class="stack" novalidate>
    <input type="hidden" name="_csrf" value="{{csrf}}">
    {{#fields}}<div class="field{{#error}} invalid{{/error}}">
    <label for="{{id}}">{{label}}</label>
    {{#error}}<p class="error" id="{{id}}-error">{{message}}</p>{{/error}}
    {{#isSelect}}<select id="{{id}}" name="{{id}}" required{{#error}} aria-invalid="true" aria-describedby="{{id}}-error"{{/error}}>
    {{#options}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>
    {{/options}}</select>{{/isSelect}}
    {{^isSelect}}<input id="{{id}}" name="{{id}}" type="{{type}}" autocomplete="{{autocomplete}}" value="{{value}}" required{{#error}} aria-invalid="true" aria-describedby="{{id}}-error"{{/error}}>{{/isSelect}}
    </div>
    {{/fields}}
    <p><button type="submit">{{t.user_add}}</button></p>
    </form>
    {{/main}}{{/layout}}
    """#

    static let units = #"""
    {{<layout}}{{$title}}{{t.admin_units_title}}{{/title}}{{$main}}
    <h1>{{t.admin_units_title}}</h1>
    <p class="notice" role="status">{{t.units_valid}}: {{unitCount}} {{t.units_count}}.</p>
    {{#dezernate}}<table>
    <caption>{{t.dezernat}} {{code}} – {{name}}</caption>
    <thead><tr><th scope="col">{{t.unit_code}}</th><th scope="col">{{t.unit_name}}</th></tr></thead>
    <tbody>{{#units}}<tr><th scope="row">{{code}}</th><td>{{name}}</td></tr>
    {{/units}}</tbody>
    </table>
    {{/dezernate}}
    {{/main}}{{/layout}}
    """#

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
    <div class="field{{#passphraseError}} invalid{{/passphraseError}}">
    <label for="passphrase">{{t.passphrase}}</label>
    <p class="hint" id="passphrase-hint">{{t.passphrase_hint}}</p>
    {{#passphraseError}}<p class="error" id="passphrase-error">{{passphraseError}}</p>{{/passphraseError}}
    <input id="passphrase" name="passphrase" type="password" autocomplete="off" required maxlength="1024" aria-describedby="passphrase-hint{{#passphraseError}} passphrase-error{{/passphraseError}}"{{#passphraseError}} aria-invalid="true"{{/passphraseError}}>
    </div>
    <p class="hint">{{t.release_note}}</p>
    <p><button type="submit">{{t.release_submit}}</button></p>
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
    {{#releases}}<tr><th scope="row"><code>{{id}}</code></th><td>{{day}}</td><td>{{who}}</td><td>{{report}}</td><td>{{indicator}}</td><td>{{periods}}</td><td class="n">{{cells}}</td><td class="n">{{withheld}}</td></tr>
    {{/releases}}
    </tbody></table>{{/hasReleases}}
    {{/main}}{{/layout}}
    """#

    static let auditActions = #"""
    <section class="no-print" aria-labelledby="actions-title">
    <h2 id="actions-title">{{t.audit_actions}}</h2>
    <form method="post" action="/audit/log/verify" class="inline-block"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit">{{t.log_verify}}</button></form>
    <h3>{{t.purge_title}}</h3>
    <p>{{t.purge_intro}}</p>
    <form method="post" action="/audit/purge/plan" class="inline-block"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="secondary">{{t.purge_plan}}</button></form>
    </section>
    """#

    static let audit = #"""
    {{<layout}}{{$title}}{{t.audit_title}}{{/title}}{{$main}}
    {{#policyError}}<h1>{{t.audit_title}}</h1>
    <div class="error-summary" role="alert"><h2>{{t.policy_broken}}</h2><p>{{policyError}}</p></div>{{/policyError}}
    {{#auditBody}}<article class="audit">
    {{{auditBody}}}
    </article>{{/auditBody}}
    """# + auditActions + #"""
    {{/main}}{{/layout}}
    """#

    static let logVerified = #"""
    {{<layout}}{{$title}}{{t.log_verified_title}}{{/title}}{{$main}}
    <h1>{{t.log_verified_title}}</h1>
    {{#intact}}<p class="notice" role="status">{{t.log_intact}}</p>{{/intact}}
    {{#problem}}<div class="error-summary" role="alert"><h2>{{t.log_broken}}</h2><p>{{problem}}</p></div>{{/problem}}
    <dl class="facts"><dt>{{t.log_entries}}</dt><dd>{{entries}}</dd><dt>{{t.log_head}}</dt><dd><code class="hash">{{head}}</code></dd></dl>
    <p><a href="/audit">{{t.back_to_audit}}</a></p>
    {{/main}}{{/layout}}
    """#

    static let purge = #"""
    {{<layout}}{{$title}}{{#hasErrors}}{{t.error_title}}: {{/hasErrors}}{{#planned}}{{t.purge_plan_title}}{{/planned}}{{#done}}{{t.purge_done_title}}{{/done}}{{/title}}{{$main}}
    <h1>{{#planned}}{{t.purge_plan_title}}{{/planned}}{{#done}}{{t.purge_done_title}}{{/done}}</h1>
    <p>{{t.audit_as_of}}: {{today}}</p>
    {{#hasErrors}}<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
    <h2 id="error-summary-title">{{t.errors_title}}</h2>
    <ul>{{#errors}}<li><a href="#{{anchor}}">{{message}}</a></li>{{/errors}}</ul>
    </div>{{/hasErrors}}
    {{^hasSteps}}<p class="notice" role="status">{{t.purge_nothing}}</p>{{/hasSteps}}
    {{#hasSteps}}<table>
    <caption>{{#planned}}{{t.purge_plan_title}}{{/planned}}{{#done}}{{t.purge_done_title}}{{/done}}</caption>
    <thead><tr><th scope="col">{{t.col_period}}</th><th scope="col">{{t.col_scope}}</th><th scope="col">{{t.col_responses}}</th><th scope="col">{{t.col_declines}}</th><th scope="col">{{t.col_key}}</th></tr></thead>
    <tbody>{{#steps}}<tr><th scope="row">{{period}}</th><td>{{scope}}</td><td class="n">{{responses}}</td><td class="n">{{declines}}</td><td>{{key}}</td></tr>
    {{/steps}}</tbody></table>{{/hasSteps}}
    {{#done}}{{#pruned}}<p>{{t.purge_pruned}}: {{pruned}}</p>{{/pruned}}{{/done}}
    {{#planned}}{{#hasSteps}}<h2>{{t.purge_title}}</h2>
    <p>{{t.purge_intro}}</p>
    <form method="post" action="/audit/purge" class="stack" novalidate>
    <input type="hidden" name="_csrf" value="{{csrf}}">
    <div class="check{{#confirmError}} invalid{{/confirmError}}">
    {{#confirmError}}<p class="error" id="confirm-error">{{confirmError}}</p>{{/confirmError}}
    <input id="confirm" name="confirm" type="checkbox" value="yes"{{#confirmError}} aria-invalid="true" aria-describedby="confirm-error"{{/confirmError}}>
    <label for="confirm">{{t.purge_confirm}}</label></div>
    <p><button type="submit">{{t.purge_submit}}</button></p>
    </form>{{/hasSteps}}{{/planned}}
    <p><a href="/audit">{{t.back_to_audit}}</a></p>
    {{/main}}{{/layout}}
    """#

    static let policy = #"""
    {{<layout}}{{$title}}{{t.admin_policy_title}}{{/title}}{{$main}}
    <h1>{{t.admin_policy_title}}</h1>
    {{#allOK}}<p class="notice" role="status">{{t.policy_all_ok}}</p>{{/allOK}}
    {{^allOK}}<div class="error-summary" role="alert"><p>{{t.policy_some_bad}}</p></div>{{/allOK}}
    <p>{{t.policy_directory}}: <code>{{directory}}</code></p>
    <table>
    <caption>{{t.admin_policy_title}}</caption>
    <thead><tr><th scope="col">{{t.col_file}}</th><th scope="col">{{t.col_result}}</th></tr></thead>
    <tbody>{{#files}}<tr><th scope="row">{{file}}</th><td>{{#ok}}<span class="status status-released">{{t.file_ok}}</span>{{/ok}}{{#error}}<span class="error">{{place}}: {{message}}</span>{{/error}}</td></tr>
    {{/files}}</tbody>
    </table>
    {{/main}}{{/layout}}
    """#

    static let formsAdmin = #"""
    {{<layout}}{{$title}}{{t.admin_forms_title}}{{/title}}{{$main}}
    <h1>{{t.admin_forms_title}}</h1>
    <p>{{t.policy_directory}}: <code>{{directory}}</code></p>
    {{^hasForms}}<p class="error">{{t.no_forms}}</p>{{/hasForms}}
    {{#forms}}<section class="form-definition">
    <h2>{{file}}</h2>
    {{#error}}<p class="error" role="alert">{{place}}: {{message}}</p>{{/error}}
    {{#ok}}<p class="notice"><strong>{{id}}</strong>, {{t.entry_version}} {{version}}: {{title}} ({{t.form_valid}})</p>
    <table><caption>{{t.form_context}}</caption>
    <thead><tr><th scope="col">{{t.col_code}}</th><th scope="col">{{t.col_label}}</th></tr></thead>
    <tbody>{{#context}}<tr><th scope="row"><code>{{key}}</code></th><td>{{label}}</td></tr>{{/context}}</tbody></table>
    <table><caption>{{t.form_items}}</caption>
    <thead><tr><th scope="col">{{t.col_code}}</th><th scope="col">{{t.col_question}}</th><th scope="col">{{t.col_answers}}</th></tr></thead>
    <tbody>{{#items}}<tr><th scope="row"><code>{{key}}</code></th><td>{{question}}</td><td><code>{{answers}}</code></td></tr>{{/items}}</tbody></table>
    <table><caption>{{t.form_indicators}}</caption>
    <thead><tr><th scope="col">{{t.col_code}}</th><th scope="col">{{t.col_label}}</th><th scope="col">{{t.col_categories}}</th></tr></thead>
    <tbody>{{#indicators}}<tr><th scope="row"><code>{{key}}</code></th><td>{{label}}</td><td><code>{{categories}}</code></td></tr>{{/indicators}}</tbody></table>{{/ok}}
    </section>{{/forms}}
    {{/main}}{{/layout}}
    """#
}
