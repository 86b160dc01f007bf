extension OpenAPIDocument {
    /// Self-service invitations (``InvitationAPIRoutes``).
    static let invitationPaths = #"""
      /invitations:
        post:
          summary: Issue one self-service invitation from a context (role hr)
          description: |
            The body is a decline's: the context only. The code is returned this once and stored
            only as a keyed hash; print it on the new hire's letter. Refused (400, field entry)
            where policy does not offer self-service.
          security: [{session: [], csrf: []}]
          requestBody:
            required: true
            content:
              application/json:
                schema: {DECLINE_SCHEMA}
          responses:
            "201":
              description: Issued.
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      code: {type: string, pattern: "^([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}$"}
                      lastDay: {type: string, format: date}
            "400": {$ref: "#/components/responses/Error"}
            "401": {$ref: "#/components/responses/Error"}
            "403": {$ref: "#/components/responses/Error"}
            "409": {$ref: "#/components/responses/Error"}
            "413": {$ref: "#/components/responses/Error"}
            "415": {$ref: "#/components/responses/Error"}
        get:
          summary: Invitations per hiring year, counts only (role hr)
          security: [{session: []}]
          responses:
            "200":
              description: Issued, open, answered (or declined inside the questionnaire) and expired unanswered.
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      periods:
                        type: array
                        items:
                          type: object
                          properties:
                            period: {type: integer}
                            issued: {type: integer}
                            open: {type: integer}
                            answered: {type: integer}
                            expired: {type: integer}
            "401": {$ref: "#/components/responses/Error"}
            "403": {$ref: "#/components/responses/Error"}

    """#
}
