import Foundation
import Forms
import GRDB
import Testing
import TestSupport
@testable import Store
import Vault

/// The audit log must not tell an answer from a decline, nor one entry's day (DESIGN threat model 6).
@Suite struct EntryTallyTests {
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var day = "2026-12-01"
        func set(_ value: String) { lock.withLock { day = value } }
        var today: String { lock.withLock { day } }
    }

    static func decline() throws -> Decline {
        try Repository.validator.validateDecline(form: "migration-background", version: 1,
                                                 context: ["unit": "37", "hired": "2025-07", "career_group": "einfach", "employment": "trainee"])
    }

    @Test func answersAndDeclinesOfAWeekBecomeOneCountPerClerkWhenTheWeekIsOver() throws {
        let store = try StoreFixture()
        let clock = Clock()
        let intake = try Intake(location: store.location, forms: [Repository.form], units: Repository.units,
                                actor: Actor(role: "hr", user: "cli"), today: { clock.today })
        let clerk = Actor(role: "hr", user: "erika")
        _ = try intake.add(store.entry(), enteredBy: clerk)              // Tuesday of 2026-W49
        clock.set("2026-12-03")
        try intake.decline(Self.decline(), enteredBy: clerk)
        _ = try intake.add(store.entry(), enteredBy: Actor(role: "hr", user: "max"))
        // While the week runs, the log holds nothing of it.
        #expect(try AuditLog.entries(intake.data).isEmpty)
        clock.set("2026-12-08")                                            // 2026-W50
        try intake.decline(Self.decline(), enteredBy: clerk)
        let log = try AuditLog.entries(intake.data)
        #expect(log.map { "\($0.day) \($0.role) \($0.user) \($0.action) \($0.detail)" } == [
            "2026-12-08 hr erika entries recorded week=2026-W49; entries=2",
            "2026-12-08 hr max entries recorded week=2026-W49; entries=1",
        ])
        #expect(try AuditLog.verify(intake.data).problem == nil)
    }

    @Test func anyAuditedWriteOfALaterWeekClosesTheTally() throws {
        let store = try StoreFixture()
        let clock = Clock()
        let intake = try Intake(location: store.location, forms: [Repository.form], units: Repository.units, today: { clock.today })
        let code = try intake.add(store.entry())
        clock.set("2027-01-04")                                            // 2027-W01
        #expect(try intake.withdraw(code))
        #expect(try AuditLog.entries(intake.data).map(\.action) == ["entries recorded", "response withdrawn"])
        #expect(try AuditLog.entries(intake.data).first?.detail == "week=2026-W49; entries=1")
    }

    @Test func aWithdrawalNamesWhoTypedTheCodeButNeverTheCode() throws {
        let store = try StoreFixture()
        let code = try store.intake.add(store.entry())
        #expect(try store.intake.withdraw(code, by: Actor(role: "hr", user: "erika")))
        let entry = try #require(try AuditLog.entries(store.intake.data).last)
        #expect("\(entry.role) \(entry.user) \(entry.action)" == "hr erika response withdrawn")
        #expect(!entry.detail.contains(code.formatted) && !entry.detail.contains(code.formatted.replacingOccurrences(of: "-", with: "")))
    }

    @Test(arguments: [("2026-12-01", "2026-W49"), ("2027-01-01", "2026-W53"), ("2027-01-04", "2027-W01"), ("2024-12-30", "2025-W01")])
    func isoWeeks(day: String, week: String) {
        #expect(EntryTally.week(of: day) == week)
    }
}
