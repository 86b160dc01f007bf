extension OpenAPIDocument {
    /// Users, org units, the policy check and the loaded forms (``AdminAPIRoutes``).
    static let adminPaths = #"""
      /users:
        get:
          summary: All users with role and status (role admin)
          security: [{session: []}]
          responses:
            "200":
              description: The users; never a password hash.
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      users:
                        type: array
                        items:
                          type: object
                          properties:
                            name: {type: string}
                            role: {type: string, enum: [hr, statistics, integration, dpo, admin]}
                            active: {type: boolean}
            "401": {$ref: "#/components/responses/Error"}
            "403": {$ref: "#/components/responses/Error"}
        post:
          summary: Add a user (role admin)
          security: [{session: [], csrf: []}]
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  type: object
                  required: [name, role, password]
                  additionalProperties: false
                  properties:
                    name: {type: string, pattern: "^[a-z0-9._-]{2,64}$"}
                    role: {type: string, enum: [hr, statistics, integration, dpo, admin]}
                    password: {type: string, format: password, minLength: 12, maxLength: 128}
          responses:
            "201":
              description: Added.
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      name: {type: string}
                      role: {type: string}
                      active: {type: boolean}
            "400": {$ref: "#/components/responses/Error"}
            "401": {$ref: "#/components/responses/Error"}
            "403": {$ref: "#/components/responses/Error"}
            "409": {$ref: "#/components/responses/Error"}
            "413": {$ref: "#/components/responses/Error"}
            "415": {$ref: "#/components/responses/Error"}
      /users/{name}/disable:
        post:
          summary: Disable a user; their sessions end at the next request (role admin)
          description: The last active admin cannot be disabled. The body may be empty or {}.
          security: [{session: [], csrf: []}]
          parameters:
            - {name: name, in: path, required: true, schema: {type: string, pattern: "^[a-z0-9._-]{2,64}$"}}
          requestBody:
            required: false
            content:
              application/json:
                schema: {type: object, additionalProperties: false}
          responses:
            "200": {description: Disabled.}
            "400": {$ref: "#/components/responses/Error"}
            "401": {$ref: "#/components/responses/Error"}
            "403": {$ref: "#/components/responses/Error"}
            "404": {$ref: "#/components/responses/Error"}
            "409": {$ref: "#/components/responses/Error"}
            "413": {$ref: "#/components/responses/Error"}
            "415": {$ref: "#/components/responses/Error"}
      /units:
        get:
          summary: The org units of forms/units.yaml by Dezernat (role admin)
          security: [{session: []}]
          responses:
            "200":
              description: Dezernate with their units, names in German and English.
              content:
                application/json:
                  schema: {type: object}
            "401": {$ref: "#/components/responses/Error"}
            "403": {$ref: "#/components/responses/Error"}
      /policy-check:
        get:
          summary: Check the policy files (role admin)
          security: [{session: []}]
          responses:
            "200":
              description: Each file with ok, or its error naming file, line and key.
              content:
                application/json:
                  schema: {type: object}
            "401": {$ref: "#/components/responses/Error"}
            "403": {$ref: "#/components/responses/Error"}
      /forms:
        get:
          summary: The current version of each form, with every key and answer code (roles hr, admin)
          security: [{session: []}]
          responses:
            "200":
              description: What POST /entries and POST /declines validate against; the unit field lists the codes of units.yaml.
              content:
                application/json:
                  schema: {type: object}
            "401": {$ref: "#/components/responses/Error"}
            "403": {$ref: "#/components/responses/Error"}

    """#
}
