import Forms
import Foundation
import Hummingbird
import Mustache

/// Renders a page template inside the layout with everything every page needs: language, texts,
/// navigation, the signed-in user, the CSRF token and the language switch.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    init() throws {
        var library = MustacheLibrary()
        for (name, text) in Templates.all {
            try library.register(text, named: name)
        }
        self.library = library
    }

    /// A complete HTML response. `switchLanguage: false` leaves out the language link (the receipt
    /// page, which cannot be shown twice).
    /// A `translation` (survey pages only) sets `lang` and `dir` and lays its page texts over those
    /// of the context's language, its fallback.
    func page(_ template: String, _ values: [String: Any], request: Request, context: AppRequestContext,
              status: HTTPResponse.Status = .ok, switchLanguage: Bool = true, translation: FormTranslation? = nil) -> Response {
        var all = values
        let language = context.language
        all["lang"] = language.rawValue
        all["otherLang"] = language.other.rawValue
        all["t"] = Strings.table(language)
        if let translation {
            all["lang"] = translation.language
            if translation.direction == .rtl { all["dir"] = "rtl" }
            all["t"] = Strings.table(language).merging(translation.pages) { _, translated in translated }
            all["surveyLang"] = translation.language
        }
        if let token = context.sessions.session?.csrfToken ?? context.formToken { all["csrf"] = token }
        let path = request.uri.path
        let links = context.kiosk ? [] : Navigation.links(for: context.identity?.role)
        if context.kiosk { all["kiosk"] = true }
        all["nav"] = links.map { ["href": $0.href, "label": $0.label.text(language.rawValue), "current": path.hasPrefix($0.href)] as [String: Any] }
        all["hasTasks"] = !links.isEmpty
        if let user = context.identity {
            all["user"] = ["name": user.name, "roleLabel": user.role.label.text(language.rawValue)]
        }
        if switchLanguage {
            all["switchHref"] = Self.localPath(path) + "?lang=" + language.other.rawValue
            all["switchLabel"] = language.other == .en ? "English" : "Deutsch"
        }
        let html = library.render(all, withTemplate: template) ?? ""
        return Self.html(html, status: status)
    }

    /// The path as a link that stays on this host: `//evil.example/x` would be read by the browser
    /// as another host, so empty segments (and backslashes, which browsers treat as slashes) go.
    static func localPath(_ path: String) -> String {
        let segments = path.replacingOccurrences(of: "\\", with: "/").split(separator: "/", omittingEmptySubsequences: true)
        return "/" + segments.joined(separator: "/")
    }

    static func html(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
