/// The statistics unit's paper pages: printing blank questionnaires and entering returned ones.
extension Templates {
    static let paper = #"""
    {{<layout}}{{$title}}{{#hasErrors}}{{t.error_title}}: {{/hasErrors}}{{t.paper_title}}{{/title}}{{$main}}
    <h1>{{t.paper_title}}</h1>
    <p>{{t.paper_intro}}</p>
    {{#off}}<p class="notice" role="status">{{t.invite_off}}</p>{{/off}}
    """# + errorSummary + #"""
    <form method="post" action="/statistics/paper" class="stack" autocomplete="off" novalidate>
    <input type="hidden" name="_csrf" value="{{csrf}}">
    <div class="field{{#countError}} invalid{{/countError}}">
    <label for="count">{{t.paper_count}}</label>
    <p class="hint" id="count-hint">{{t.paper_count_hint}}</p>
    {{#countError}}<p class="error" id="count-error">{{countError}}</p>{{/countError}}
    <input id="count" name="count" type="number" inputmode="numeric" min="1" max="{{limit}}" required value="{{count}}" aria-describedby="count-hint{{#countError}} count-error{{/countError}}"{{#countError}} aria-invalid="true"{{/countError}}>
    </div>
    <p><button type="submit" class="primary">{{t.paper_print}}</button></p>
    </form>
    <h2>{{t.paper_returned}}</h2>
    <p><a href="/statistics/paper/entry">{{t.paper_entry_title}}</a></p>
    {{/main}}{{/layout}}
    """#

    static let paperEntry = #"""
    {{<layout}}{{$title}}{{#hasErrors}}{{t.error_title}}: {{/hasErrors}}{{t.paper_entry_title}}{{/title}}{{$main}}
    <h1>{{t.paper_entry_title}}</h1>
    {{#stored}}<p class="notice" role="status">{{stored}}</p>{{/stored}}
    <div class="notice" role="note"><p lang="de"><strong>{{destroyDE}}</strong></p><p lang="en"><strong>{{destroyEN}}</strong></p></div>
    <p>{{t.paper_entry_intro}}</p>
    """# + errorSummary + #"""
    <form method="post" action="/statistics/paper/entry" class="stack" autocomplete="off" novalidate>
    <input type="hidden" name="_csrf" value="{{csrf}}">
    <input type="hidden" name="version" value="{{version}}">
    <div class="field{{#codeError}} invalid{{/codeError}}">
    <label for="code">{{t.survey_code}}</label>
    <p class="hint" id="code-hint">{{t.paper_code_hint}}</p>
    {{#codeError}}<p class="error" id="code-error">{{codeError}}</p>{{/codeError}}
    <input id="code" name="code" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="40" value="{{code}}" aria-describedby="code-hint{{#codeError}} code-error{{/codeError}}"{{#codeError}} aria-invalid="true"{{/codeError}}>
    </div>
    <div class="field{{#receiptError}} invalid{{/receiptError}}">
    <label for="receipt">{{t.paper_receipt}}</label>
    <p class="hint" id="receipt-hint">{{t.paper_receipt_hint}}</p>
    {{#receiptError}}<p class="error" id="receipt-error">{{receiptError}}</p>{{/receiptError}}
    <input id="receipt" name="receipt" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="40" value="{{receipt}}" aria-describedby="receipt-hint{{#receiptError}} receipt-error{{/receiptError}}"{{#receiptError}} aria-invalid="true"{{/receiptError}}>
    </div>
    """# + consentFieldset(confirming: "paper_consent_ticked") + #"""
    <h2>{{t.paper_items}}</h2>
    <p class="hint">{{t.paper_items_hint}}</p>
    """# + questionFields + #"""
    <p class="hint" id="decline-hint">{{t.paper_decline_hint}}</p>
    <div class="actions">
    <button type="submit" class="primary">{{t.paper_store}}</button>
    <button type="submit" formaction="/statistics/paper/entry/decline" class="secondary" aria-describedby="decline-hint">{{t.paper_decline}}</button>
    </div>
    </form>
    {{/main}}{{/layout}}
    """#
}
