extension OpenAPIDocument {
    /// The user's own password and the admin's "sign out everywhere" (``AccountRoutes``).
    static let accountPaths = #"""
      /session/password:
        post:
          summary: Change the signed-in user's password (every role)
          description: Ends the user's other sessions; this session gets a new id and CSRF token.
          security: [{session: [], csrf: []}]
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  type: object
                  required: [current, new]
                  additionalProperties: false
                  properties:
                    current: {type: string, format: password, minLength: 1, maxLength: 128}
                    new: {type: string, format: password, minLength: 12, maxLength: 128}
          responses:
            "200":
              description: Changed; sets the new session cookie.
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      status: {type: string, enum: [changed]}
                      csrfToken: {type: string}
            "400": {$ref: "#/components/responses/Error"}
            "401": {$ref: "#/components/responses/Error"}
            "403": {$ref: "#/components/responses/Error"}
            "413": {$ref: "#/components/responses/Error"}
            "415": {$ref: "#/components/responses/Error"}
            "429": {$ref: "#/components/responses/Error"}
      /sessions/end-all:
        post:
          summary: Sign out everywhere (role admin)
          description: Ends every session, the admin's own included.
          security: [{session: [], csrf: []}]
          responses:
            "204": {description: Every session has ended.}
            "401": {$ref: "#/components/responses/Error"}
            "403": {$ref: "#/components/responses/Error"}

    """#
}
