import Forms

extension OpenAPIDocument {
    /// Paper questionnaires entered by the statistics unit (``PaperAPIRoutes``).
    static let paperPaths = #"""
      /paper-entries:
        post:
          summary: Enter a returned paper questionnaire (role statistics)
          description: |
            The invitation code written on the form, and either the ticked answers with the receipt
            code printed on the form (stored as an answer at /survey is, under that receipt code) or
            a decline. Destroy the paper form afterwards (MighEV § 4(2)). A used, expired or unknown
            invitation code gets 404, the same for all three; a receipt code already stored 409; a
            code whose check character fails (a typo) 422. Refused (400, field entry) where policy
            does not offer self-service.
          security: [{session: [], csrf: []}]
          requestBody:
            required: true
            content:
              application/json:
                schema: {PAPER_ENTRY_SCHEMA}
          responses:
            "201":
              description: Stored or counted as a decline; the reminder to destroy the paper form.
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      status: {type: string, enum: [stored, declined]}
                      en: {type: string}
                      de: {type: string}
            "400": {$ref: "#/components/responses/Error"}
            "401": {$ref: "#/components/responses/Error"}
            "403": {$ref: "#/components/responses/Error"}
            "404": {$ref: "#/components/responses/Error"}
            "409": {$ref: "#/components/responses/Error"}
            "413": {$ref: "#/components/responses/Error"}
            "415": {$ref: "#/components/responses/Error"}
            "422": {$ref: "#/components/responses/Error"}

    """#

    static let invitationCodePattern = "^([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}$"
    static let receiptCodePattern = "^([0-9A-HJKMNP-TV-Z]{5}-){3}[0-9A-HJKMNP-TV-Z]{5}$"

    /// The answers of one form with the printed receipt code, or a decline.
    static func paperEntry(_ forms: [FormDefinition]) -> [String: Any] {
        let code: [String: Any] = ["type": "string", "pattern": invitationCodePattern, "description": "The invitation code written on the form."]
        let answered = forms.map { form -> [String: Any] in
            ["type": "object", "additionalProperties": false, "required": ["code", "receipt", "version", "consent"],
             "properties": [
                "code": code,
                "receipt": ["type": "string", "pattern": receiptCodePattern, "description": "The receipt code printed on the form."],
                "version": ["type": "integer", "enum": [form.version], "description": "The form version printed on the form."],
                "consent": ["type": "boolean", "enum": [true], "description": "The consent box is ticked."],
                "answers": ["type": "object", "additionalProperties": false,
                            "description": "Item key to the ticked answer code; omitted items count as no_answer.",
                            "properties": Dictionary(uniqueKeysWithValues: form.items.map { ($0.key, ["type": "string", "enum": $0.codes]) })],
             ] as [String: Any]]
        }
        let declined: [String: Any] = ["type": "object", "additionalProperties": false, "required": ["code", "decline"],
                                       "properties": ["code": code, "decline": ["type": "boolean", "enum": [true]]] as [String: Any]]
        return ["oneOf": answered + [declined]]
    }
}
