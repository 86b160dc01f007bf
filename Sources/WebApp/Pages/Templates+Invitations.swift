/// HR's invitation page and the respondent's survey pages (code, questionnaire, receipt, decline).
extension Templates {
    static let invitations = #"""
    {{<layout}}{{$title}}{{#hasErrors}}{{t.error_title}}: {{/hasErrors}}{{t.invite_title}}{{/title}}{{$main}}
    <h1>{{t.invite_title}}</h1>
    <p>{{t.invite_intro}}</p>
    {{#off}}<p class="notice" role="status">{{t.invite_off}}</p>{{/off}}
    """# + errorSummary + #"""
    <form method="post" action="/invitations" class="stack" autocomplete="off" novalidate>
    <input type="hidden" name="_csrf" value="{{csrf}}">
    <fieldset class="group">
    <legend>{{t.invite_single}}</legend>
    """# + contextFields + #"""
    </fieldset>
    <p><button type="submit" class="primary">{{t.invite_issue}}</button></p>
    </form>
    <h2>{{t.invite_batch}}</h2>
    <form method="post" action="/invitations/batch" class="stack" autocomplete="off" novalidate>
    <input type="hidden" name="_csrf" value="{{csrf}}">
    <div class="field{{#csvError}} invalid{{/csvError}}">
    <label for="csv">{{t.invite_batch_label}}</label>
    <p class="hint" id="csv-hint">{{t.invite_batch_hint}}</p>
    {{#csvError}}<p class="error" id="csv-error">{{csvError}}</p>{{/csvError}}
    <textarea id="csv" name="csv" rows="6" spellcheck="false" aria-describedby="csv-hint{{#csvError}} csv-error{{/csvError}}"{{#csvError}} aria-invalid="true"{{/csvError}}>{{csv}}</textarea>
    </div>
    <p><button type="submit" class="secondary">{{t.invite_batch_issue}}</button></p>
    </form>
    <h2>{{t.invite_kiosk_title}}</h2>
    <p id="kiosk-hint">{{t.invite_kiosk_hint}}</p>
    <form method="post" action="/invitations/kiosk" class="stack"><input type="hidden" name="_csrf" value="{{csrf}}">
    <p><button type="submit" class="secondary" aria-describedby="kiosk-hint">{{t.invite_kiosk}}</button></p>
    </form>
    <h2>{{t.invite_counts}}</h2>
    <table><thead><tr><th scope="col">{{t.invite_year}}</th><th scope="col">{{t.invite_issued}}</th><th scope="col">{{t.invite_open}}</th><th scope="col">{{t.invite_answered}}</th><th scope="col">{{t.invite_expired}}</th></tr></thead>
    <tbody>{{#counts}}<tr><th scope="row">{{period}}</th><td>{{issued}}</td><td>{{open}}</td><td>{{answered}}</td><td>{{expired}}</td></tr>{{/counts}}</tbody></table>
    {{/main}}{{/layout}}
    """#

    static let survey = #"""
    {{<layout}}{{$title}}{{#hasErrors}}{{t.error_title}}: {{/hasErrors}}{{t.survey_title}}{{/title}}{{$main}}
    <h1>{{t.survey_title}}</h1>
    <p>{{t.survey_intro}}</p>
    """# + errorSummary + #"""
    <form method="post" action="/survey" class="stack" autocomplete="off" novalidate>
    <input type="hidden" name="_csrf" value="{{csrf}}">
    {{#surveyLang}}<input type="hidden" name="lang" value="{{surveyLang}}">{{/surveyLang}}
    <div class="field{{#codeError}} invalid{{/codeError}}">
    <label for="code">{{t.survey_code}}</label>
    <p class="hint" id="code-hint">{{t.survey_code_hint}}</p>
    {{#codeError}}<p class="error" id="code-error">{{codeError}}</p>{{/codeError}}
    <input id="code" name="code" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="40" required value="{{code}}" aria-describedby="code-hint{{#codeError}} code-error{{/codeError}}"{{#codeError}} aria-invalid="true"{{/codeError}}>
    </div>
    <p><button type="submit">{{t.survey_start}}</button></p>
    </form>
    {{/main}}{{/layout}}
    """#

    static let surveyForm = #"""
    {{<layout}}{{$title}}{{#hasErrors}}{{t.error_title}}: {{/hasErrors}}{{formTitle}}{{/title}}{{$main}}
    <h1>{{formTitle}}</h1>
    """# + errorSummary + #"""
    <form method="post" action="/survey/answer" class="stack" autocomplete="off" novalidate>
    <input type="hidden" name="_csrf" value="{{csrf}}">
    <input type="hidden" name="code" value="{{code}}">
    {{#surveyLang}}<input type="hidden" name="lang" value="{{surveyLang}}">{{/surveyLang}}
    <input type="hidden" name="version" value="{{version}}">
    """# + consentFieldset(confirming: "consent_confirm") + #"""
    <h2>{{t.items_legend}}</h2>
    <p class="hint">{{t.survey_items_hint}}</p>
    """# + questionFields + #"""
    <p class="hint" id="decline-hint">{{t.survey_decline_hint}}</p>
    <div class="actions">
    <button type="submit" class="primary">{{t.survey_submit}}</button>
    <button type="submit" formaction="/survey/decline" class="secondary" aria-describedby="decline-hint">{{t.survey_decline}}</button>
    </div>
    </form>
    {{/main}}{{/layout}}
    """#

    static let surveyReceipt = #"""
    {{<layout}}{{$title}}{{t.survey_thanks}}{{/title}}{{$main}}
    <h1>{{t.survey_thanks}}</h1>
    <p class="notice" role="status">{{t.survey_receipt_intro}}</p>
    <h2>{{t.receipt_code}}</h2>
    <p class="code">{{receipt}}</p>
    <h2>{{t.receipt_withdraw_title}}</h2>
    <p>{{t.receipt_withdraw}}</p>
    <p class="url">{{withdrawURL}}</p>
    <h2>{{t.receipt_data_title}}</h2>
    <p>{{t.receipt_data}}</p>
    <p class="no-print"><a href="/survey{{#surveyLang}}?lang={{surveyLang}}{{/surveyLang}}">{{t.survey_again}}</a></p>
    {{/main}}{{/layout}}
    """#

    static let surveyDeclined = #"""
    {{<layout}}{{$title}}{{t.survey_thanks}}{{/title}}{{$main}}
    <h1>{{t.survey_thanks}}</h1>
    <p class="notice" role="status">{{t.survey_declined}}</p>
    <p><a href="/survey{{#surveyLang}}?lang={{surveyLang}}{{/surveyLang}}">{{t.survey_again}}</a></p>
    {{/main}}{{/layout}}
    """#
}
