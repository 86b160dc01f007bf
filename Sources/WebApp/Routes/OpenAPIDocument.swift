/// The OpenAPI 3 description of `/api/v1`, served at `/api/v1/openapi.yaml`.
///
/// It lists exactly the routes `APIRoutes`, `InvitationAPIRoutes`, `PaperAPIRoutes`,
/// `ReportAPIRoutes`, `AuditAPIRoutes` and `AdminAPIRoutes` register; `APITests` checks both
/// directions. The paths of invitations, paper entries, reports, the audit and the administration
/// are in their own files.
enum OpenAPIDocument {
    static let yaml = head + invitationPaths + paperPaths + reportPaths + monitoringPaths + auditPaths + adminPaths + accountPaths

    private static let head = #"""
    openapi: 3.0.3
    info:
      title: Vielfalt API
      version: "1"
      description: |
        Entry of the voluntary questionnaire, "asked, declined", the respondent's withdrawal,
        report requests and their release by the statistics unit, released reports (aggregates
        only, after disclosure control), the release ledger, and the data protection officer's
        audit, log verification and purge. Every call has the role check of its page.
        Sign in with POST /api/v1/session; send the session cookie and the returned csrfToken as
        X-CSRF-Token with every later POST or DELETE. Bodies are JSON (application/json), at most
        64 KiB; unknown keys are refused. Errors name the field in German and English.
    servers:
      - url: /api/v1
    components:
      securitySchemes:
        session:
          type: apiKey
          in: cookie
          name: vielfalt_session
          description: Session cookie from POST /session (named __Host-vielfalt behind TLS).
        csrf:
          type: apiKey
          in: header
          name: X-CSRF-Token
      schemas:
        Error:
          type: object
          required: [error]
          properties:
            error:
              type: object
              required: [status, en, de]
              properties:
                status: {type: integer}
                field: {type: string, description: "The offending field, when there is one."}
                en: {type: string}
                de: {type: string}
        ReportRequest:
          type: object
          description: A request of the integration office; never a figure.
          required: [id, kind, indicator, by, years, requestedBy, requestedOn, status]
          properties:
            id: {type: string, pattern: "^[0-9a-f]{16}$"}
            kind: {type: string, enum: [baseline, trend]}
            indicator: {type: string, example: migration_background}
            by: {type: array, minItems: 1, maxItems: 2, items: {type: string, enum: [unit, career_group, employment]}}
            years: {type: string, description: "latest, all, YYYY or YYYY-YYYY", example: "2021-2025"}
            requestedBy: {type: string}
            requestedOn: {type: string, format: date}
            status: {type: string, enum: [requested, released, refused]}
            decidedOn: {type: string, format: date}
            releasedBy: {type: string, description: Who released it (not given for a refusal).}
            releaseID: {type: string, description: The entry in the release ledger.}
            report: {type: string, description: "Path of the released report (GET, role integration)."}
            reason:
              type: object
              description: Why the request was refused (by disclosure control or by the statistics unit).
              properties:
                de: {type: string}
                en: {type: string}
        PurgeSteps:
          type: object
          properties:
            asOf: {type: string, format: date}
            steps:
              type: array
              items:
                type: object
                properties:
                  period: {type: integer, description: Hiring year.}
                  scope: {type: string, enum: [period, declines], description: "The whole period with its key, or its declines only."}
                  responses: {type: integer}
                  declines: {type: integer}
                  destroysKey: {type: boolean}
      responses:
        Error:
          description: Bad input, nothing stored.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Error"}
    paths:
      /session:
        post:
          summary: Sign in
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  type: object
                  required: [name, password]
                  additionalProperties: false
                  properties:
                    name: {type: string}
                    password: {type: string, format: password}
          responses:
            "200":
              description: Signed in; sets the session cookie.
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      user: {type: string}
                      role: {type: string, enum: [hr, statistics, integration, dpo, admin]}
                      csrfToken: {type: string}
            "401": {$ref: "#/components/responses/Error"}
            "415": {$ref: "#/components/responses/Error"}
        delete:
          summary: Sign out
          security: [{session: [], csrf: []}]
          responses:
            "204": {description: Signed out.}
            "401": {$ref: "#/components/responses/Error"}
            "403": {$ref: "#/components/responses/Error"}
      /entries:
        post:
          summary: Store one questionnaire (role hr)
          security: [{session: [], csrf: []}]
          requestBody:
            required: true
            content:
              application/json:
                schema: {ENTRY_SCHEMA}
          responses:
            "201":
              description: Stored. The receipt code is shown to the respondent once and never again.
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      receipt: {type: string, example: 7K3QM-2XW9R-8HD4T-ZN5BC}
            "400": {$ref: "#/components/responses/Error"}
            "401": {$ref: "#/components/responses/Error"}
            "403": {$ref: "#/components/responses/Error"}
            "409": {$ref: "#/components/responses/Error"}
            "413": {$ref: "#/components/responses/Error"}
            "415": {$ref: "#/components/responses/Error"}
      /declines:
        post:
          summary: Record "asked, declined" with the context only (role hr)
          security: [{session: [], csrf: []}]
          requestBody:
            required: true
            content:
              application/json:
                schema: {DECLINE_SCHEMA}
          responses:
            "201": {description: Recorded.}
            "400": {$ref: "#/components/responses/Error"}
            "401": {$ref: "#/components/responses/Error"}
            "403": {$ref: "#/components/responses/Error"}
            "409": {$ref: "#/components/responses/Error"}
            "413": {$ref: "#/components/responses/Error"}
            "415": {$ref: "#/components/responses/Error"}
      /withdrawals:
        post:
          summary: Withdraw consent with the receipt code (no sign-in)
          description: |
            The same answer, after the same minimum time, whether or not the code had answers.
            Rate limited per client address.
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  type: object
                  required: [receipt]
                  additionalProperties: false
                  properties:
                    receipt:
                      type: string
                      description: The receipt code; case, spaces and dashes do not matter.
                      pattern: "^([0-9A-HJKMNP-TV-Z]{5}-){3}[0-9A-HJKMNP-TV-Z]{5}$"
          responses:
            "200":
              description: Processed; answers stored under the code, if any, are deleted.
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      status: {type: string, enum: [processed]}
                      en: {type: string}
                      de: {type: string}
            "400": {$ref: "#/components/responses/Error"}
            "413": {$ref: "#/components/responses/Error"}
            "415": {$ref: "#/components/responses/Error"}
            "429": {$ref: "#/components/responses/Error"}
      /openapi.yaml:
        get:
          summary: This document
          responses:
            "200":
              description: OpenAPI 3 in YAML.
              content:
                application/yaml:
                  schema: {type: string}

    """#
}
