import Foundation

extension FormTranslation {
    /// Where a forms directory keeps its translations.
    public static let directoryName = "translations"

    /// Reads and checks a translation of `form`; every problem is an ``InputError`` naming file,
    /// line and key. `pageKeys` are the survey page texts a file may translate.
    public static func load(contentsOf url: URL, form: FormDefinition, pageKeys: [String]) throws -> FormTranslation {
        try FormTranslation(yaml: YAMLNode.load(contentsOf: url), form: form, pageKeys: pageKeys)
    }

    /// Parses a translation from YAML text; `file` names it in errors and must be `<form-id>.<language>.yaml`.
    public static func parse(_ text: String, file: String, form: FormDefinition, pageKeys: [String]) throws -> FormTranslation {
        try FormTranslation(yaml: YAMLNode.parse(text, file: file), form: form, pageKeys: pageKeys)
    }

    init(yaml root: YAMLNode, form: FormDefinition, pageKeys: [String]) throws {
        try root.rejectUnknownKeys(["form", "language", "direction", "fallback", "title", "consent", "items", "pages"])
        let formNode = try root.child("form")
        formID = try formNode.string()
        guard formID == form.id else {
            throw formNode.error("translation of form '\(formID)', but the file name says '\(form.id)'",
                                 "Übersetzung des Formulars „\(formID)“, der Dateiname nennt aber „\(form.id)“.")
        }
        let languageNode = try root.child("language")
        language = try languageNode.string()
        guard language.range(of: #"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"#, options: .regularExpression) != nil else {
            throw languageNode.error("language must be a BCP 47 tag such as ar, fa or pt-BR",
                                     "Die Sprache muss ein BCP-47-Kürzel sein, etwa ar, fa oder pt-BR.")
        }
        guard !["de", "en"].contains(language) else {
            throw languageNode.error("German and English belong in the form file itself",
                                     "Deutsch und Englisch gehören in die Formulardatei selbst.")
        }
        guard root.file == "\(form.id).\(language).yaml" else {
            throw languageNode.error("the file must be named \(form.id).\(language).yaml",
                                     "Die Datei muss \(form.id).\(language).yaml heißen.")
        }
        let directionNode = try root.optionalChild("direction")
        guard let direction = Direction(rawValue: try directionNode?.string() ?? "ltr") else {
            throw directionNode!.error("direction must be ltr or rtl", "Die Schreibrichtung muss ltr oder rtl sein.")
        }
        self.direction = direction
        let fallbackNode = try root.optionalChild("fallback")
        fallback = try fallbackNode?.string() ?? "en"
        guard ["de", "en"].contains(fallback) else {
            throw fallbackNode!.error("fallback must be de or en", "Die Ersatzsprache muss de oder en sein.")
        }
        var missing: [String] = []
        title = try root.optionalChild("title")?.string()
        consent = try root.optionalChild("consent")?.string()
        if title == nil { missing.append("title") }
        if consent == nil { missing.append("consent") }
        var questions: [String: String] = [:]
        var answerLabels: [String: [String: String]] = [:]
        let itemsNode = try root.optionalChild("items")
        let itemEntries = try itemsNode?.entries() ?? []
        for (key, node) in itemEntries {
            guard let item = form.item(key) else {
                throw node.error("form '\(form.id)' has no item '\(key)'", "Formular „\(form.id)“ hat keine Frage „\(key)“.")
            }
            try node.rejectUnknownKeys(["question", "answers"])
            questions[key] = try node.optionalChild("question")?.string()
            for (code, label) in try node.optionalChild("answers")?.entries() ?? [] {
                guard item.codes.contains(code) else {
                    throw label.error("item '\(key)' has no answer code '\(code)'", "Frage „\(key)“ hat keinen Antwortcode „\(code)“.")
                }
                answerLabels[key, default: [:]][code] = try label.string()
            }
        }
        for item in form.items {
            if questions[item.key] == nil { missing.append("items.\(item.key).question") }
            for code in item.codes where answerLabels[item.key]?[code] == nil {
                missing.append("items.\(item.key).answers.\(code)")
            }
        }
        var pages: [String: String] = [:]
        for (key, node) in try root.optionalChild("pages")?.entries() ?? [] {
            guard pageKeys.contains(key) else {
                throw node.error("unknown page text (allowed: \(pageKeys.joined(separator: ", ")))",
                                 "Unbekannter Seitentext (erlaubt: \(pageKeys.joined(separator: ", "))).")
            }
            pages[key] = try node.string()
        }
        missing += pageKeys.filter { pages[$0] == nil }.map { "pages.\($0)" }
        self.questions = questions
        self.answerLabels = answerLabels
        self.pages = pages
        self.missing = missing
    }

    /// Every translation in `<forms>/translations/` of the given forms; none when there is no such
    /// directory. A file naming an unknown form, or broken, is an error naming it.
    public static func loadAll(formsDirectory: URL, forms: [FormDefinition], pageKeys: [String]) throws -> [FormTranslation] {
        let directory = formsDirectory.appendingPathComponent(directoryName)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
        return try names.map { name in
            let formID = String(name.prefix { $0 != "." })
            guard let form = forms.first(where: { $0.id == formID }) else {
                throw InputError(file: "\(directoryName)/\(name)", english: "no form '\(formID)' to translate",
                                 german: "Kein Formular „\(formID)“ zum Übersetzen.")
            }
            do {
                return try load(contentsOf: directory.appendingPathComponent(name), form: form, pageKeys: pageKeys)
            } catch var error as InputError {  // named as the admin finds it, beside the forms
                error.file = "\(directoryName)/\(name)"
                throw error
            }
        }
    }
}
