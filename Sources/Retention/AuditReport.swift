import Forms

/// The data protection officer's audit: what is held, until when, what was done, and a verdict.
///
/// Built by ``RetentionAudit/run(_:)`` without a passphrase; rendered as Markdown, JSON or HTML.
public struct AuditReport: Sendable, Codable, Equatable {
    public typealias Text = LocalizedText

    /// One hiring year: what is held and what the policy says about it.
    public struct PeriodStatus: Sendable, Codable, Equatable {
        public let period: Int
        public let responses: Int
        public let declines: Int
        /// First day the responses must be gone.
        public let responsesExpire: String
        public let declinesExpire: String
        /// `held`, `destroyed` or `missing`.
        public let key: String
        public let keyDestroyedOn: String?
    }

    public struct KeystoreStatus: Sendable, Codable, Equatable {
        public let kdf: String
        public let kdfOpsLimit: UInt64
        public let kdfMemLimitMiB: UInt64
        public let periodKeysHeld: [Int]
        public let periodKeysDestroyed: [Int]
        /// Who can unlock: the role, as the design grants it.
        public let holders: Text
        /// The keyholders of two-person unlock, by name; nil when the statistics passphrase unlocks.
        public let keyholders: [String]?
        /// The master public key's fingerprint, to compare with the one `init` printed and the DPO
        /// keeps outside the system: a different one means the keystore's key was substituted.
        public let masterKeyFingerprint: String
        /// How often the master key was replaced since `init`, plus one.
        public let generation: Int
        /// How many releases the keystore's release marks know, and the latest of them: the ledger,
        /// which lives with the data, must hold every one (threat model 5).
        public let releasesMarked: Int
        public let latestReleaseMarked: String?
        /// The last schema migration of each file, `vielfalt.sqlite` then `keystore.sqlite`.
        public let schema: [String]
    }

    public struct LogStatus: Sendable, Codable, Equatable {
        public let entries: Int
        public let intact: Bool
        public let problem: Text?
        /// `SEQ:HASH` of the last entry. Keep it outside the system and give it to the next
        /// verification (`vielfalt log verify --anchor`): a log rewritten with its head file lacks it.
        public let anchor: String?
        public let oldestDay: String?
    }

    /// A release in the ledger: who, when, how much was withheld.
    public struct ReleaseSummary: Sendable, Codable, Equatable {
        public let id: String
        public let day: String
        public let role: String
        public let user: String
        public let report: String
        public let periods: String
        public let cells: Int
        public let suppressedCells: Int
    }

    /// How questionnaires reach Vielfalt: the ways of entry in force, the consent texts (form
    /// versions) the responses held were given under, and the invitations, as counts only.
    public struct EntryStatus: Sendable, Codable, Equatable {
        /// `self_service` and/or `hr`, from `retention.yaml`.
        public let ways: [String]
        public let invitationWeeks: Int
        public let consent: [ConsentInForce]
        public let invitations: [InvitationStatus]
    }

    /// The consent texts in force in one period: each form version's text, by id and version.
    public struct ConsentInForce: Sendable, Codable, Equatable {
        public let period: Int
        public let formVersions: [String]
    }

    public struct InvitationStatus: Sendable, Codable, Equatable {
        public let period: Int
        public let issued: Int
        public let open: Int
        /// Answered or declined inside the questionnaire.
        public let answered: Int
        /// Expired unanswered: "not answered" in response rates.
        public let expired: Int
    }

    public struct Finding: Sendable, Codable, Equatable {
        /// `critical` (the policy is not kept), `warning` (needs attention), `info`.
        public let severity: String
        public let text: Text
    }

    public let asOf: String
    public let periods: [PeriodStatus]
    public let keystore: KeystoreStatus
    public let releases: [ReleaseSummary]
    public let log: LogStatus
    public let retention: [RetentionRule]
    public let disclosurePolicy: [ProcessingRecord.Text]
    public let processingRecord: ProcessingRecord
    public let measures: [ProcessingRecord.Text]
    public let entry: EntryStatus
    public let findings: [Finding]
    public let compliant: Bool
    public let verdict: Text
}
