import Foundation
import GRDB
import Reports
@testable import Store
import Testing
import TestSupport

/// The release mark and the ledger row: a failed ledger write leaves no mark, a good one leaves one.
@Suite struct ReleaseMarkLedgerTests {
    @Test func aLedgerWriteThatFailsTakesItsMarkBack() throws {
        let fixture = try ReportFixture(hires: 600)
        let definition = fixture.definition(.baseline, by: ["career_group"], periods: .years(2025...2025))
        _ = try fixture.release(definition)
        let marked = try fixture.keystore.releaseMarks()
        #expect(marked.map(\.release) == (try fixture.data.releases().map(\.id)))
        // The disk fills up between the mark and the ledger row.
        try fixture.data.database.write {
            try $0.execute(sql: "CREATE TEMP TRIGGER full BEFORE INSERT ON release BEGIN SELECT RAISE(ABORT, 'disk full'); END")
        }
        #expect(throws: (any Error).self) { _ = try fixture.release(definition) }
        #expect(try fixture.data.releases().count == 1)
        #expect(try fixture.keystore.releaseMarks() == marked)
    }
}
