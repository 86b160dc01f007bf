extension OpenAPIDocument {
    /// Report requests, their release or refusal, released reports and the ledger (``ReportAPIRoutes``).
    static let reportPaths = #"""
      /report-requests:
        get:
          summary: All requests, open ones first (roles integration, statistics)
          security: [{session: []}]
          responses:
            "200":
              description: The requests, without figures.
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      requests: {type: array, items: {$ref: "#/components/schemas/ReportRequest"}}
            "401": {$ref: "#/components/responses/Error"}
            "403": {$ref: "#/components/responses/Error"}
        post:
          summary: Request a report (role integration)
          description: |
            A baseline takes one hiring year or none (the latest); a trend takes a range or none (all).
            The statistics unit decides; until then the request holds no figure.
          security: [{session: [], csrf: []}]
          requestBody:
            required: true
            content:
              application/json:
                schema: {REPORT_REQUEST_SCHEMA}
          responses:
            "201":
              description: Queued for the statistics unit.
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/ReportRequest"}
            "400": {$ref: "#/components/responses/Error"}
            "401": {$ref: "#/components/responses/Error"}
            "403": {$ref: "#/components/responses/Error"}
            "413": {$ref: "#/components/responses/Error"}
            "415": {$ref: "#/components/responses/Error"}
      /report-requests/{id}:
        get:
          summary: One request and its status (roles integration, statistics)
          security: [{session: []}]
          parameters:
            - {name: id, in: path, required: true, schema: {type: string, pattern: "^[0-9a-f]{16}$"}}
          responses:
            "200":
              description: The request.
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/ReportRequest"}
            "401": {$ref: "#/components/responses/Error"}
            "403": {$ref: "#/components/responses/Error"}
            "404": {$ref: "#/components/responses/Error"}
      /report-requests/{id}/release:
        post:
          summary: Unlock the keystore and release the request (role statistics)
          description: |
            The passphrase is held in wiped memory for this one run; it is never stored or logged.
            When keyholders hold the keystore (two-person unlock), two of them give their names
            (holder, second_holder) and passphrases (passphrase, second_passphrase); one holder,
            the same holder twice, an unknown name or a wrong passphrase is refused (422, the field
            names which), and nothing is decrypted.
            Disclosure control decides: the answer is the request as it now stands, released (with
            its releaseID) or refused (with the reason, which never names a figure). Releases run
            one at a time.
          security: [{session: [], csrf: []}]
          parameters:
            - {name: id, in: path, required: true, schema: {type: string, pattern: "^[0-9a-f]{16}$"}}
    """# + unlockBody + #"""
          responses:
            "200":
              description: Decided (status released or refused).
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/ReportRequest"}
            "400":
              description: Bad body, or the wrong passphrase (field passphrase); nothing released.
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/Error"}
            "401": {$ref: "#/components/responses/Error"}
            "403": {$ref: "#/components/responses/Error"}
            "404": {$ref: "#/components/responses/Error"}
            "409": {$ref: "#/components/responses/Error"}
            "413": {$ref: "#/components/responses/Error"}
            "415": {$ref: "#/components/responses/Error"}
            "422":
              description: The release could not run (for example a broken policy file), or two-person unlock was refused; nothing released.
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/Error"}
      /report-requests/{id}/refuse:
        post:
          summary: Refuse an open request with a reason (role statistics)
          security: [{session: [], csrf: []}]
          parameters:
            - {name: id, in: path, required: true, schema: {type: string, pattern: "^[0-9a-f]{16}$"}}
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  type: object
                  required: [reason]
                  additionalProperties: false
                  properties:
                    reason: {type: string, minLength: 1, maxLength: 500}
          responses:
            "200":
              description: Refused.
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/ReportRequest"}
            "400": {$ref: "#/components/responses/Error"}
            "401": {$ref: "#/components/responses/Error"}
            "403": {$ref: "#/components/responses/Error"}
            "404": {$ref: "#/components/responses/Error"}
            "409": {$ref: "#/components/responses/Error"}
            "413": {$ref: "#/components/responses/Error"}
            "415": {$ref: "#/components/responses/Error"}
      /reports/{id}:
        get:
          summary: A released report as JSON (role integration)
          description: Protected aggregates only; 404 while the request is open or refused.
          security: [{session: []}]
          parameters:
            - {name: id, in: path, required: true, schema: {type: string, pattern: "^[0-9a-f]{16}$"}}
          responses:
            "200":
              description: The published report, as `vielfalt report run --format json` writes it.
              content:
                application/json:
                  schema: {type: object}
            "401": {$ref: "#/components/responses/Error"}
            "403": {$ref: "#/components/responses/Error"}
            "404": {$ref: "#/components/responses/Error"}
      /reports/{id}/csv:
        get:
          summary: A released report as CSV (role integration)
          security: [{session: []}]
          parameters:
            - {name: id, in: path, required: true, schema: {type: string, pattern: "^[0-9a-f]{16}$"}}
            - {name: locale, in: query, required: false, schema: {type: string, enum: [de, en], default: de}}
          responses:
            "200":
              description: German CSV uses ';' and decimal commas; English CSV ',' and points.
              content:
                text/csv:
                  schema: {type: string}
            "400": {$ref: "#/components/responses/Error"}
            "401": {$ref: "#/components/responses/Error"}
            "403": {$ref: "#/components/responses/Error"}
            "404": {$ref: "#/components/responses/Error"}
      /releases:
        get:
          summary: The release ledger (role statistics)
          description: Who released what, when, with how many cells and how many withheld; never a figure.
          security: [{session: []}]
          responses:
            "200":
              description: The ledger, oldest first.
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      releases:
                        type: array
                        items:
                          type: object
                          properties:
                            id: {type: string}
                            day: {type: string, format: date}
                            role: {type: string}
                            user: {type: string}
                            report: {type: string}
                            indicator: {type: string}
                            periods: {type: string}
                            cells: {type: integer}
                            withheld: {type: integer}
            "401": {$ref: "#/components/responses/Error"}
            "403": {$ref: "#/components/responses/Error"}

    """#
}
