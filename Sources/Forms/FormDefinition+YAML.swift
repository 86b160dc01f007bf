import Foundation

extension FormDefinition {
    /// Reads and validates a form file; every problem is an ``InputError`` naming file, line and key.
    public static func load(contentsOf url: URL) throws -> FormDefinition {
        try FormDefinition(yaml: YAMLNode.load(contentsOf: url))
    }

    /// Parses a form from YAML text (`file` only names it in errors).
    public static func parse(_ text: String, file: String) throws -> FormDefinition {
        try FormDefinition(yaml: YAMLNode.parse(text, file: file))
    }

    init(yaml root: YAMLNode) throws {
        try root.rejectUnknownKeys(["id", "version", "title", "consent", "context", "items", "indicators"])
        let idNode = try root.child("id")
        id = try idNode.string()
        guard id.range(of: #"^[a-z][a-z0-9-]{0,40}$"#, options: .regularExpression) != nil else {
            throw idNode.error("form id must be lower-case letters, digits and hyphens",
                               "Die Formular-ID darf nur Kleinbuchstaben, Ziffern und Bindestriche enthalten.")
        }
        let versionNode = try root.child("version")
        version = try versionNode.int()
        guard version >= 1 else { throw versionNode.error("version must be 1 or more", "Die Version muss mindestens 1 sein.") }
        title = try root.child("title").localizedText()
        consent = try root.child("consent").localizedText()
        context = try root.child("context").list().map(ContextField.init(yaml:))
        items = try root.child("items").list().map(Item.init(yaml:))
        indicators = try (root.optionalChild("indicators")?.list() ?? []).map(Indicator.init(yaml:))
        sealedFieldNames = context.map(\.sealedName) + items.map(\.key)
        try checkConsistency(root)
    }

    private func checkConsistency(_ root: YAMLNode) throws {
        var seen = Set<String>()
        for key in context.map(\.key) + items.map(\.key) {
            guard seen.insert(key).inserted else {
                throw root.error("field '\(key)' is defined twice", "Feld „\(key)“ ist doppelt definiert.")
            }
        }
        guard sealedFieldNames.count <= EntryCodes.maxFields else {
            throw root.error("a form may have at most \(EntryCodes.maxFields) fields (data minimisation)",
                             "Ein Formular darf höchstens \(EntryCodes.maxFields) Felder haben (Datenminimierung).")
        }
        guard context.contains(where: { $0.kind == .unit }), context.filter({ $0.kind == .month }).count == 1 else {
            throw root.error("context needs one field of kind unit and exactly one of kind month (the hiring month)",
                             "Der Kontext braucht ein Feld der Art unit und genau eines der Art month (Einstellungsmonat).")
        }
        for (index, indicator) in indicators.enumerated() {
            let node = try root.child("indicators").list()[index]
            let categories = Set(indicator.categoryCodes)
            for result in indicator.rules.map(\.result) + [indicator.otherwise] where !categories.contains(result) {
                throw node.error("result '\(result)' is not one of the indicator's categories",
                                 "Ergebnis „\(result)“ ist keine Kategorie des Indikators.")
            }
            for (itemKey, code) in indicator.rules.flatMap(\.condition.mentions) {
                guard let item = item(itemKey) else {
                    throw node.error("rule names unknown item '\(itemKey)'", "Regel nennt unbekannte Frage „\(itemKey)“.")
                }
                guard item.codes.contains(code) else {
                    throw node.error("rule names unknown answer code '\(code)' of item '\(itemKey)'",
                                     "Regel nennt unbekannten Antwortcode „\(code)“ der Frage „\(itemKey)“.")
                }
            }
        }
    }
}

extension AnswerCode {
    /// `{code: …, de: …, en: …}`
    init(yaml node: YAMLNode) throws {
        try node.rejectUnknownKeys(["code", "de", "en"])
        let codeNode = try node.child("code")
        let code = try codeNode.string()
        guard code.range(of: #"^[A-Za-z0-9_]{1,31}$"#, options: .regularExpression) != nil else {
            throw codeNode.error("answer code must be 1–31 letters, digits or underscores",
                                 "Antwortcode: 1–31 Buchstaben, Ziffern oder Unterstriche.")
        }
        self.init(code: code, label: LocalizedText(de: try node.child("de").string(), en: try node.child("en").string()))
    }

    static func list(_ node: YAMLNode) throws -> [AnswerCode] {
        let answers = try node.list().map(AnswerCode.init(yaml:))
        guard !answers.isEmpty else { throw node.error("the list of answers is empty", "Die Antwortliste ist leer.") }
        guard answers.count <= 255 else { throw node.error("more than 255 answer codes", "Mehr als 255 Antwortcodes.") }
        guard Set(answers.map(\.code)).count == answers.count else {
            throw node.error("an answer code appears twice", "Ein Antwortcode kommt doppelt vor.")
        }
        return answers
    }
}

extension ContextField {
    init(yaml node: YAMLNode) throws {
        try node.rejectUnknownKeys(["key", "kind", "label", "answers"])
        key = try node.child("key").string()
        label = try node.child("label").localizedText()
        let kindNode = try node.optionalChild("kind")
        switch try kindNode?.string() ?? "choice" {
        case "unit": kind = .unit
        case "month": kind = .month
        case "choice": kind = .choice(try AnswerCode.list(node.child("answers")))
        default: throw kindNode!.error("kind must be unit, month or choice", "Art muss unit, month oder choice sein.")
        }
    }
}

extension Item {
    init(yaml node: YAMLNode) throws {
        try node.rejectUnknownKeys(["key", "question", "answers"])
        key = try node.child("key").string()
        question = try node.child("question").localizedText()
        let answersNode = try node.child("answers")
        answers = try AnswerCode.list(answersNode)
        guard answers.contains(where: { $0.code == FormDefinition.noAnswer }) else {
            throw answersNode.error("every item must offer '\(FormDefinition.noAnswer)' (keine Angabe)",
                                    "Jede Frage muss „\(FormDefinition.noAnswer)“ (keine Angabe) anbieten.")
        }
    }
}

extension Indicator {
    init(yaml node: YAMLNode) throws {
        try node.rejectUnknownKeys(["key", "label", "categories", "rules", "otherwise"])
        key = try node.child("key").string()
        label = try node.child("label").localizedText()
        categories = try AnswerCode.list(node.child("categories"))
        rules = try node.child("rules").list().map(IndicatorRule.init(yaml:))
        otherwise = try node.child("otherwise").string()
    }
}

extension IndicatorRule {
    init(yaml node: YAMLNode) throws {
        try node.rejectUnknownKeys(["result", "all", "any"])
        result = try node.child("result").string()
        switch (try node.optionalChild("all"), try node.optionalChild("any")) {
        case (let all?, nil): condition = .all(try Self.clause(all))
        case (nil, let any?): condition = .any(try any.list().map(Self.clause))
        default: throw node.error("a rule needs exactly one of 'all' or 'any'", "Eine Regel braucht genau eines von „all“ oder „any“.")
        }
    }

    private static func clause(_ node: YAMLNode) throws -> [String: Set<String>] {
        var clause: [String: Set<String>] = [:]
        for (item, codes) in try node.entries() { clause[item] = Set(try codes.stringList()) }
        return clause
    }
}
