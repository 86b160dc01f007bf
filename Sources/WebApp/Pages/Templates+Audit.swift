/// The data protection officer's pages (audit, log verification, purge) and the admin's policy and forms checks.
extension Templates {
    static let auditActions = #"""
    <section class="no-print" aria-labelledby="actions-title">
    <h2 id="actions-title">{{t.audit_actions}}</h2>
    <p><a href="/audit/dpia">{{t.dpia_link}}</a></p>
    <form method="get" action="/audit" class="stack" novalidate>
    <div class="field{{#asOfError}} invalid{{/asOfError}}">
    <label for="asOf">{{t.audit_as_of_choose}}</label>
    <p class="hint" id="asOf-hint">{{t.audit_as_of_hint}}</p>
    {{#asOfError}}<p class="error" id="asOf-error">{{asOfError}}</p>{{/asOfError}}
    <input id="asOf" name="asOf" type="date" value="{{asOf}}" aria-describedby="asOf-hint{{#asOfError}} asOf-error{{/asOfError}}"{{#asOfError}} aria-invalid="true"{{/asOfError}}>
    </div>
    <p><button type="submit" class="secondary">{{t.audit_show}}</button></p>
    </form>
    <form method="post" action="/audit/log/verify" class="stack" novalidate>
    <input type="hidden" name="_csrf" value="{{csrf}}">
    <div class="field{{#anchorsError}} invalid{{/anchorsError}}">
    <label for="anchors">{{t.log_anchors}}</label>
    <p class="hint" id="anchors-hint">{{t.log_anchors_hint}}</p>
    {{#anchorsError}}<p class="error" id="anchors-error">{{anchorsError}}</p>{{/anchorsError}}
    <textarea id="anchors" name="anchors" rows="2" autocomplete="off" spellcheck="false" aria-describedby="anchors-hint{{#anchorsError}} anchors-error{{/anchorsError}}"{{#anchorsError}} aria-invalid="true"{{/anchorsError}}>{{anchors}}</textarea>
    </div>
    <p><button type="submit">{{t.log_verify}}</button></p>
    </form>
    <h3>{{t.purge_title}}</h3>
    <p>{{t.purge_intro}}</p>
    <form method="post" action="/audit/purge/plan" class="inline-block"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="secondary">{{t.purge_plan}}</button></form>
    </section>
    """#

    /// The DPO pages' heading when something is wrong: the field errors, or a broken policy file.
    static func problems(_ titleKey: String) -> String {
        #"""
        {{#hasErrors}}<h1>{{t.\#(titleKey)}}</h1>
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
        <h2 id="error-summary-title">{{t.errors_title}}</h2>
        <ul>{{#errors}}<li><a href="#{{anchor}}">{{label}}: {{message}}</a></li>{{/errors}}</ul>
        </div>{{/hasErrors}}
        {{#policyError}}<h1>{{t.\#(titleKey)}}</h1>
        <div class="error-summary" role="alert"><h2>{{t.policy_broken}}</h2><p>{{policyError}}</p></div>{{/policyError}}

        """#
    }

    static let audit = #"""
    {{<layout}}{{$title}}{{#hasErrors}}{{t.error_title}}: {{/hasErrors}}{{t.audit_title}}{{/title}}{{$main}}
    """# + problems("audit_title") + #"""
    {{#auditBody}}<article class="audit">
    {{{auditBody}}}
    </article>{{/auditBody}}
    """# + auditActions + #"""
    {{/main}}{{/layout}}
    """#

    static let dpia = #"""
    {{<layout}}{{$title}}{{#hasErrors}}{{t.error_title}}: {{/hasErrors}}{{t.dpia_title}}{{/title}}{{$main}}
    """# + problems("dpia_title") + #"""
    <p class="hint no-print">{{t.dpia_intro}}</p>
    {{#dpiaBody}}<article class="audit">
    {{{dpiaBody}}}
    </article>{{/dpiaBody}}
    <section class="no-print">
    <form method="get" action="/audit/dpia" class="stack" novalidate>
    <div class="field{{#asOfError}} invalid{{/asOfError}}">
    <label for="asOf">{{t.audit_as_of_choose}}</label>
    <p class="hint" id="asOf-hint">{{t.audit_as_of_hint}}</p>
    {{#asOfError}}<p class="error" id="asOf-error">{{asOfError}}</p>{{/asOfError}}
    <input id="asOf" name="asOf" type="date" value="{{asOf}}" aria-describedby="asOf-hint{{#asOfError}} asOf-error{{/asOfError}}"{{#asOfError}} aria-invalid="true"{{/asOfError}}>
    </div>
    <p><button type="submit" class="secondary">{{t.dpia_show}}</button></p>
    </form>
    <p><a href="/audit">{{t.back_to_audit}}</a></p>
    </section>
    {{/main}}{{/layout}}
    """#

    static let logVerified = #"""
    {{<layout}}{{$title}}{{t.log_verified_title}}{{/title}}{{$main}}
    <h1>{{t.log_verified_title}}</h1>
    {{#intact}}<p class="notice" role="status">{{t.log_intact}}{{#anchorsFound}} {{t.log_anchors_found}}{{/anchorsFound}}{{#hasSkipped}} {{t.log_anchors_skipped}}: {{anchorsSkipped}}{{/hasSkipped}}</p>{{/intact}}
    {{#problem}}<div class="error-summary" role="alert"><h2>{{t.log_broken}}</h2><p>{{problem}}</p></div>{{/problem}}
    <dl class="facts"><dt>{{t.log_entries}}</dt><dd>{{entries}}</dd><dt>{{t.log_head}}</dt><dd><code class="hash">{{head}}</code></dd></dl>
    <p class="hint">{{t.log_head_keep}}</p>
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
