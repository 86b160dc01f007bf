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
        "reports": reports, "report": report, "monitoring": monitoring, "monitoringRelease": monitoringRelease, "unlockFields": unlockFields,
        "statisticsMonitoring": statisticsMonitoring,
        "requests": requests, "request": request, "requestRow": requestRow, "releases": releases,
        "audit": audit, "dpia": dpia, "logVerified": logVerified, "purge": purge,
        "password": password,
        "invitations": invitations, "survey": survey, "surveyForm": surveyForm, "surveyReceipt": surveyReceipt,
        "surveyDeclined": surveyDeclined, "paper": paper, "paperEntry": paperEntry,
    ]

    static let layout = #"""
    <!DOCTYPE html>
    <html lang="{{lang}}"{{#dir}} dir="{{dir}}"{{/dir}}>
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{$title}}{{/title}} – Vielfalt</title>
    {{#kiosk}}{{#refresh}}<noscript><meta http-equiv="refresh" content="{{refresh}}"></noscript>
    <script src="/static/kiosk.js" defer></script>{{/refresh}}{{/kiosk}}
    <link rel="stylesheet" href="/static/style.css">
    </head>
    <body{{#kiosk}}{{#refresh}} data-kiosk-return="{{refresh}}"{{/refresh}}{{/kiosk}}>
    <a class="skip" href="#main">{{t.skip}}</a>
    <header class="site">
    <p class="brand"><a href="/">{{t.app_name}}</a> <span>{{t.app_tagline}}</span></p>
    {{#hasTasks}}<nav aria-label="{{t.nav_label}}"><ul>
    {{#nav}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>
    {{/nav}}</ul></nav>{{/hasTasks}}
    <div class="session">
    {{^kiosk}}{{#user}}<span>{{t.signed_in_as}} <strong>{{name}}</strong> ({{roleLabel}})</span>
    <form method="post" action="/logout" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="link">{{t.logout}}</button></form>
    {{/user}}{{^user}}<a href="/login">{{t.login}}</a>{{/user}}{{/kiosk}}
    {{#switchHref}}<a href="{{switchHref}}" lang="{{otherLang}}" hreflang="{{otherLang}}">{{switchLabel}}</a>{{/switchHref}}
    </div>
    </header>
    <main id="main" tabindex="-1">
    {{#kiosk}}{{#refresh}}<div id="kiosk-timeout" class="notice" role="alertdialog" aria-labelledby="kiosk-timeout-text" hidden>
    <p id="kiosk-timeout-text">{{t.kiosk_timeout}}</p><p><button type="button" id="kiosk-more-time">{{t.kiosk_more_time}}</button></p>
    </div>{{/refresh}}{{/kiosk}}
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
    <p><a href="/survey">{{t.home_survey}}</a></p>
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

    /// The context of a new hire (unit, hiring month, career group, employment), as HR enters it
    /// for an entry and for an invitation alike.
    static let contextFields = #"""
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
    """#

    /// The consent text and the box that confirms it, on every page that records answers;
    /// `confirming` names the text beside the box.
    static func consentFieldset(confirming key: String) -> String {
        #"""
        <fieldset class="group{{#consentError}} invalid{{/consentError}}">
        <legend>{{t.consent_legend}}</legend>
        <p id="consent-text">{{consentText}}</p>
        {{#consentError}}<p class="error" id="consent-error">{{consentError}}</p>{{/consentError}}
        <div class="check"><input id="consent" name="consent" type="checkbox" value="yes"{{#consentGiven}} checked{{/consentGiven}} aria-describedby="consent-text{{#consentError}} consent-error{{/consentError}}"{{#consentError}} aria-invalid="true"{{/consentError}}>
        <label for="consent">{{t.\#(key)}}</label></div>
        </fieldset>
        """#
    }

    /// The questionnaire's items, one group of radio buttons each, on every page that records answers.
    static let questionFields = #"""
    {{#items}}<fieldset class="group question{{#error}} invalid{{/error}}" id="{{id}}"{{#error}} aria-describedby="{{id}}-error"{{/error}}>
    <legend>{{question}}</legend>
    {{#error}}<p class="error" id="{{id}}-error">{{message}}</p>{{/error}}
    {{#answers}}<div class="choice"><input type="radio" id="{{id}}" name="{{name}}" value="{{code}}"{{#checked}} checked{{/checked}}>
    <label for="{{id}}">{{label}}</label></div>
    {{/answers}}
    </fieldset>
    {{/items}}
    """#

    static let entry = #"""
    {{<layout}}{{$title}}{{#hasErrors}}{{t.error_title}}: {{/hasErrors}}{{formTitle}}{{/title}}{{$main}}
    <h1>{{formTitle}}</h1>
    {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
    <p class="notice">{{t.entry_sees_answers_plain}}{{#invitationsOffered}} {{t.entry_invitation_better}} <a href="/invitations">{{t.entry_invite_instead}}</a>{{/invitationsOffered}}</p>
    """# + errorSummary + #"""
    <form method="post" action="/entry/{{formID}}" class="stack" autocomplete="off" novalidate>
    <input type="hidden" name="_csrf" value="{{csrf}}">
    <input type="hidden" name="version" value="{{version}}">
    <fieldset class="group">
    <legend>{{t.context_legend}}</legend>
    <p class="hint" id="context-hint">{{t.context_hint}}</p>
    """# + contextFields + #"""
    </fieldset>
    """# + consentFieldset(confirming: "consent_confirm") + #"""
    <h2>{{t.items_legend}}</h2>
    """# + questionFields + #"""
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
    <p>{{de.receipt_saved}}</p>
    <h2>{{de.receipt_code}}</h2>
    <p class="code">{{code}}</p>
    <h2>{{de.receipt_withdraw_title}}</h2>
    <p>{{de.receipt_withdraw}}</p>
    <p class="url">{{withdrawURL}}</p>
    <h2>{{de.receipt_data_title}}</h2>
    <p>{{de.receipt_data}}</p>
    </article>
    <article class="receipt" lang="en">
    <h2>Receipt: voluntary diversity information</h2>
    <p>{{en.receipt_saved}}</p>
    <h3>{{en.receipt_code}}</h3>
    <p class="code">{{code}}</p>
    <h3>{{en.receipt_withdraw_title}}</h3>
    <p>{{en.receipt_withdraw}}</p>
    <p class="url">{{withdrawURL}}</p>
    <h3>{{en.receipt_data_title}}</h3>
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

}
