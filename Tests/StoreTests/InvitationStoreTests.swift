import Foundation
import Forms
import Store
import Testing
import TestSupport
import Vault

/// Invitations in the store: an answer is sealed as HR's entry is; an expired row refuses like an unknown code.
@Suite struct InvitationStoreTests {
    static let context = ["unit": "51", "hired": "2024-02", "career_group": "mittel", "employment": "trainee"]
    static let answers = ["born_in_germany": "no", "citizenship": "german_naturalised"]

    @Test func anAnsweredInvitationOpensExactlyAsTheSameEntryByHR() throws {
        let store = try StoreFixture()
        let decline = try Repository.validator.validateDecline(form: "migration-background", version: 1, context: Self.context)
        let code = try #require(try store.intake.issueInvitations([decline], expiresOn: "2999-01-01", by: Actor(role: "hr", user: "clerk")).first)
        guard case .answered = try store.intake.redeem(code, { .answers(try Repository.validator.validate(answers: Self.answers, for: $0)) }) else {
            Issue.record("not answered"); return
        }
        let byInvitation = try store.openAll(period: 2024)
        _ = try store.intake.add(Repository.validator.validate(RawEntry(form: "migration-background", version: 1, context: Self.context,
                                                                        answers: Self.answers)))
        let both = try store.openAll(period: 2024)
        #expect(byInvitation.count == 1 && both.count == 2 && both[0] == both[1])
        #expect(byInvitation[0].prefix(4) == ["51", "Q1", "mittel", "trainee"])
    }

    @Test func anExpiredRowIsRefusedLikeAnUnknownCodeUntilItIsCounted() throws {
        let store = try StoreFixture()
        let decline = try Repository.validator.validateDecline(form: "migration-background", version: 1, context: Self.context)
        let clerk = Actor(role: "hr", user: "clerk")
        let code = try #require(try store.intake.issueInvitations([decline], expiresOn: "2000-01-01", by: clerk).first)
        // The database and its log; the shared-memory index changes with every read in WAL mode.
        let files = RawBytes.databaseFiles(store.location.dataURL).filter { !$0.path.hasSuffix("-shm") }
        #expect(files.count == 2)
        let before = try RawBytes.fingerprint(files)
        #expect(try store.intake.invitation(code) == nil)
        guard case .unknown = try store.intake.redeem(code, { _ in .decline }) else { Issue.record("an expired code was accepted"); return }
        #expect(try RawBytes.fingerprint(files) == before, "a refused code writes nothing")
        #expect(try store.intake.data.invitationCounts()[2024] == InvitationCounts(issued: 1, open: 1))
        #expect(try store.intake.expireInvitations(asOf: AuditDay.today(), by: clerk) == 1)
        #expect(try store.intake.data.invitationCounts()[2024] == InvitationCounts(issued: 1, open: 0, expired: 1))
        #expect(try store.intake.data.countsByPeriod()[2024] == nil, "an expiry is no decline")
    }

    @Test func aCodeRedeemedFromManyThreadsAtOnceIsAnsweredOnce() throws {
        let store = try StoreFixture()
        let decline = try Repository.validator.validateDecline(form: "migration-background", version: 1, context: Self.context)
        let code = try #require(try store.intake.issueInvitations([decline], expiresOn: "2999-01-01", by: Actor(role: "hr", user: "clerk")).first)
        let intake = store.intake
        let outcomes = Outcomes()
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            let outcome = try? intake.redeem(code) { context in
                index.isMultiple(of: 2) ? .decline : .answers(try Repository.validator.validate(answers: Self.answers, for: context))
            }
            switch outcome {
            case .answered?, .declined?: outcomes.add(true)
            case .unknown?: outcomes.add(false)
            case nil: outcomes.add(nil)
            }
        }
        #expect(outcomes.values.filter { $0 == true }.count == 1 && outcomes.values.filter { $0 == false }.count == 7)
        let counts = try store.intake.data.countsByPeriod()[2024]
        #expect((counts?.responses ?? 0) + (counts?.declines ?? 0) == 1)
        #expect(try store.intake.data.invitationCounts()[2024] == InvitationCounts(issued: 1, open: 0, redeemed: 1))
    }

    final class Outcomes: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var values: [Bool?] = []
        func add(_ value: Bool?) { lock.lock(); values.append(value); lock.unlock() }
    }

    @Test func anEmptyBatchIssuesNothingAndWritesNothing() throws {
        let store = try StoreFixture()
        let files = RawBytes.databaseFiles(store.location.dataURL)
        let before = try RawBytes.fingerprint(files)
        #expect(try store.intake.issueInvitations([], expiresOn: "2999-01-01", by: Actor(role: "hr", user: "clerk")).isEmpty)
        #expect(try RawBytes.fingerprint(files) == before)
    }
}
