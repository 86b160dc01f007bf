extension OpenAPIDocument {
    /// The body of every call that unlocks the keystore: the passphrase, or two keyholders with theirs.
    /// Between two lines of a document: it brings the line breaks around it.
    static let unlockBody = "\n" + #"""
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  type: object
                  required: [passphrase]
                  additionalProperties: false
                  properties:
                    passphrase: {type: string, format: password, minLength: 1}
                    holder: {type: string, maxLength: 64}
                    second_holder: {type: string, maxLength: 64}
                    second_passphrase: {type: string, format: password}
    """# + "\n"

    static let monitoringPaths = #"""
      /monitoring:
        get:
          summary: The latest monitoring as JSON (role integration)
          description: Every goal of reports/monitoring.yaml with its status, figures and the released table they come from; 404 before the first monitoring release.
          security: [{session: []}]
          responses:
            "200":
              description: The monitoring, as `vielfalt report monitoring --format json` writes it.
              content:
                application/json:
                  schema: {type: object}
            "401": {$ref: "#/components/responses/Error"}
            "403": {$ref: "#/components/responses/Error"}
            "404": {$ref: "#/components/responses/Error"}
      /monitoring/release:
        post:
          summary: Release the monitoring (role statistics)
          description: |
            Releases every goal's table through disclosure control and the release ledger, then the
            monitoring made of them. The passphrase (or two keyholders with theirs) is held in wiped
            memory for this one run; a wrong one releases nothing (422, field passphrase). Releases
            run one at a time; too many wrong passphrases answer 429.
          security: [{session: [], csrf: []}]
    """# + unlockBody + #"""
          responses:
            "200":
              description: Released; the monitoring's id, its day and the releases it is made of.
              content:
                application/json:
                  schema:
                    type: object
                    required: [monitoring, day, releases]
                    properties:
                      monitoring: {type: string, pattern: "^[0-9a-f]{16}$"}
                      day: {type: string}
                      releases: {type: array, items: {type: string}}
            "400": {$ref: "#/components/responses/Error"}
            "401": {$ref: "#/components/responses/Error"}
            "403": {$ref: "#/components/responses/Error"}
            "413": {$ref: "#/components/responses/Error"}
            "415": {$ref: "#/components/responses/Error"}
            "422":
              description: A wrong passphrase, a refused two-person unlock, or a release that could not run (for example a broken monitoring.yaml); nothing released.
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/Error"}
            "429": {$ref: "#/components/responses/Error"}

    """#
}
