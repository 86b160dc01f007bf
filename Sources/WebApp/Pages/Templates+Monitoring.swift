/// The monitoring pages: the integration office's dashboard, one underlying release, and the
/// statistics unit's release of the monitoring.
extension Templates {
    static let monitoring = #"""
    {{<layout}}{{$title}}{{t.monitoring_title}}{{/title}}{{$main}}
    {{^hasMonitoring}}<h1>{{t.monitoring_title}}</h1>
    <p>{{t.monitoring_none}}</p>{{/hasMonitoring}}
    {{#hasMonitoring}}<article class="monitoring">
    {{{monitoringBody}}}
    </article>
    <h2>{{t.monitoring_downloads}}</h2>
    <ul class="tasks">
    <li><a href="/monitoring/print" target="_blank">{{t.monitoring_print}}</a></li>
    <li><a href="/monitoring/csv?locale=de" download>{{t.download_csv_de}}</a></li>
    <li><a href="/monitoring/csv?locale=en" download>{{t.download_csv_en}}</a></li>
    <li><a href="/monitoring/json" download>{{t.download_json}}</a></li>
    </ul>
    <p class="meta">{{t.monitoring_released_by}} {{releasedOn}} · <code>{{monitoringID}}</code></p>{{/hasMonitoring}}
    {{/main}}{{/layout}}
    """#

    static let monitoringRelease = #"""
    {{<layout}}{{$title}}{{t.monitoring_release_title}}{{/title}}{{$main}}
    <article class="report">
    {{{reportBody}}}
    </article>
    <p class="no-print"><a href="/monitoring">{{t.monitoring_back}}</a></p>
    {{/main}}{{/layout}}
    """#
}

extension Templates {
    static let statisticsMonitoring = #"""
    {{<layout}}{{$title}}{{#hasErrors}}{{t.error_title}}: {{/hasErrors}}{{t.monitoring_statistics_title}}{{/title}}{{$main}}
    <h1>{{t.monitoring_statistics_title}}</h1>
    {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
    """# + errorSummary.replacingOccurrences(of: "<p>{{t.nothing_stored}}</p>", with: "") + #"""
    <p>{{t.monitoring_statistics_intro}}</p>
    {{#planError}}<p class="error" role="alert">{{planError}}</p>{{/planError}}
    {{#hasGoals}}<ul>{{#goals}}<li>{{title}} (<code>{{id}}</code>)</li>{{/goals}}</ul>{{/hasGoals}}
    {{#last}}<p>{{t.monitoring_statistics_last}}: {{day}} · <code>{{id}}</code></p>{{/last}}
    {{#hasGoals}}<form method="post" action="/statistics/monitoring/release" class="stack" autocomplete="off" novalidate>
    <input type="hidden" name="_csrf" value="{{csrf}}">
    {{>unlockFields}}
    <p class="hint">{{t.release_note}}</p>
    <p><button type="submit">{{t.monitoring_statistics_submit}}</button></p>
    </form>{{/hasGoals}}
    {{/main}}{{/layout}}
    """#
}
