extension OpenAPIDocument {
    /// The data protection officer's audit, log verification and purge (``AuditAPIRoutes``).
    static let auditPaths = #"""
      /audit:
        get:
          summary: The retention and audit report (role dpo)
          security: [{session: []}]
          parameters:
            - name: asOf
              in: query
              required: false
              description: Audit as of this day (default today); a later day shows what will then be due.
              schema: {type: string, format: date}
          responses:
            "200":
              description: The audit report as `vielfalt audit --format json` writes it, with its verdict.
              content:
                application/json:
                  schema: {type: object}
            "400": {$ref: "#/components/responses/Error"}
            "401": {$ref: "#/components/responses/Error"}
            "403": {$ref: "#/components/responses/Error"}
            "500":
              description: A policy file is broken; the error names file, line and key.
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/Error"}
      /audit/dpia:
        get:
          summary: The draft DPIA (Art. 35 GDPR) with its SDM table, made from the live system (role dpo)
          description: |
            The same audit, the loaded forms (keys and labels, never an answer) and policy/dpia.yaml,
            as `vielfalt audit --dpia --format json` writes it. A field only people can fill in has no
            `value` while dpia.yaml leaves it empty.
          security: [{session: []}]
          parameters:
            - name: asOf
              in: query
              required: false
              description: Assess as of this day (default today).
              schema: {type: string, format: date}
          responses:
            "200":
              description: The draft DPIA.
              content:
                application/json:
                  schema:
                    type: object
                    required: [as_of, description, necessity, risks, measures, human_fields, summary]
                    properties:
                      as_of: {type: string}
                      description: {type: object}
                      necessity: {type: array, items: {type: object}}
                      risks: {type: array, items: {type: object}}
                      measures:
                        type: array
                        items:
                          type: object
                          required: [id, block, status, evidence]
                          properties:
                            id: {type: string}
                            block: {type: integer}
                            status: {type: string, enum: [in_place, partly, not_in_place, not_applicable]}
                            evidence: {type: object}
                      human_fields: {type: array, items: {type: object}}
                      summary: {type: object}
            "400": {$ref: "#/components/responses/Error"}
            "401": {$ref: "#/components/responses/Error"}
            "403": {$ref: "#/components/responses/Error"}
            "500":
              description: A policy or form file is broken; the error names file, line and key.
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/Error"}
      /audit/log/verify:
        post:
          summary: Verify the hash chain of the audit log, its head file and kept anchors (role dpo)
          description: |
            The body may be empty or {}. Anchors are head hashes kept outside the system from earlier
            audits (SEQ:HASH or HASH); one missing from the chain means the log was rewritten together
            with its head file.
          security: [{session: [], csrf: []}]
          requestBody:
            required: false
            content:
              application/json:
                schema:
                  type: object
                  additionalProperties: false
                  properties:
                    anchors: {type: array, items: {type: string, pattern: "^([1-9][0-9]{0,17}:)?[0-9a-fA-F]{64}$"}}
          responses:
            "200":
              description: The verdict; keep headHash to compare with the next verification.
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      entries: {type: integer}
                      intact: {type: boolean}
                      headHash: {type: string}
                      anchor: {type: string, description: "SEQ:HASH of the last entry: keep it for the next verification."}
                      anchorsChecked: {type: integer, description: Anchors looked up in the chain.}
                      anchorsSkipped: {type: integer, description: "Anchors in the part pruned after ten years, not checkable (never all of them)."}
                      problem: {type: object, properties: {de: {type: string}, en: {type: string}}}
            "400": {$ref: "#/components/responses/Error"}
            "401": {$ref: "#/components/responses/Error"}
            "403": {$ref: "#/components/responses/Error"}
            "413": {$ref: "#/components/responses/Error"}
            "415": {$ref: "#/components/responses/Error"}
      /audit/purge/plan:
        post:
          summary: Dry-run of the purge; nothing changes (role dpo)
          security: [{session: [], csrf: []}]
          requestBody:
            required: false
            content:
              application/json:
                schema:
                  type: object
                  additionalProperties: false
                  properties:
                    asOf: {type: string, format: date, description: Default today.}
          responses:
            "200":
              description: What a purge as of that day would do.
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/PurgeSteps"}
            "400": {$ref: "#/components/responses/Error"}
            "401": {$ref: "#/components/responses/Error"}
            "403": {$ref: "#/components/responses/Error"}
            "413": {$ref: "#/components/responses/Error"}
            "415": {$ref: "#/components/responses/Error"}
      /audit/purge:
        post:
          summary: Purge as of today (role dpo)
          description: |
            Crypto-shreds expired periods (the period key is destroyed first, then the rows are
            deleted and the file vacuumed), deletes expired declines and prunes the audit log.
            An interrupted purge is completed by calling it again.
          security: [{session: [], csrf: []}]
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  type: object
                  required: [confirm]
                  additionalProperties: false
                  properties:
                    confirm: {type: boolean, enum: [true]}
          responses:
            "200":
              description: What was purged.
              content:
                application/json:
                  schema:
                    allOf:
                      - {$ref: "#/components/schemas/PurgeSteps"}
                      - {type: object, properties: {prunedLogEntries: {type: integer}}}
            "400": {$ref: "#/components/responses/Error"}
            "401": {$ref: "#/components/responses/Error"}
            "403": {$ref: "#/components/responses/Error"}
            "413": {$ref: "#/components/responses/Error"}
            "415": {$ref: "#/components/responses/Error"}

    """#
}
