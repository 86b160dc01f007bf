/// The admin's pages: users and org units.
extension Templates {
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
    <form method="post" action="/admin/sessions/end-all" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit">{{t.sessions_end_all}}</button></form>
    <p class="hint">{{t.sessions_end_all_hint}}</p>
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

}
