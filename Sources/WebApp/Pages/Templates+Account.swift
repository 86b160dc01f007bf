extension Templates {
    static let password = #"""
    {{<layout}}{{$title}}{{t.password_title}}{{/title}}{{$main}}
    <h1>{{t.password_title}}</h1>
    {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
    """# + errorSummary + #"""
    <p>{{t.password_hint}}</p>
    <form method="post" action="/account/password" class="stack" novalidate>
    <input type="hidden" name="_csrf" value="{{csrf}}">
    <div class="field"><label for="current_password">{{t.current_password}}</label>
    <input id="current_password" name="current_password" type="password" autocomplete="current-password" required maxlength="128"></div>
    <div class="field"><label for="new_password">{{t.new_password}}</label>
    <input id="new_password" name="new_password" type="password" autocomplete="new-password" required minlength="12" maxlength="128"></div>
    <div class="field"><label for="new_password_repeat">{{t.new_password_repeat}}</label>
    <input id="new_password_repeat" name="new_password_repeat" type="password" autocomplete="new-password" required minlength="12" maxlength="128"></div>
    <p><button type="submit">{{t.password_change}}</button></p>
    </form>
    {{/main}}{{/layout}}
    """#
}
