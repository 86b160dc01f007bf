import Foundation
import Operations
@testable import Store
import TestSupport
import Testing
import Vault
@testable import WebApp

/// The release page of a keystore held by keyholders: it asks for two names and passphrases, and
/// refuses one holder, a wrong second passphrase and the old single passphrase without releasing.
@Suite struct KeyholderReleaseTests {
    static let passphrases = ["Anna": "Annas lange Passphrase", "Ben": "Bens lange Passphrase", "Tresor DSB": "Passphrase im Tresor der DSB"]

    @Test func twoKeyholdersReleaseOnThePage() async throws {
        let fixture = try WebAppFixture(demo: true)
        try Keystore.open(fixture.location).shareAmongKeyholders(
            .passphrase(Passphrase(DemoFixture.passphrase)),
            holders: ["Anna", "Ben", "Tresor DSB"].map { HolderPassphrase(name: try KeyholderName($0), passphrase: try Passphrase(Self.passphrases[$0]!)) })
        try await fixture.run { browser in
            let id = try await ReportTests.request(browser, fixture)
            try await browser.login(.statistics)
            let detail = try await browser.get("/statistics/requests/\(id)")
            for field in ["holder", "passphrase", "second_holder", "second_passphrase"] {
                #expect(detail.body.contains(#"name="\#(field)""#), "\(field)")
            }
            #expect(detail.body.contains("Anna, Ben, Tresor DSB"))
            let path = "/statistics/requests/\(id)/release"

            let one = try await browser.post(path, [("holder", "Anna"), ("passphrase", Self.passphrases["Anna"]!)])
            #expect(one.status == .unprocessableContent)
            #expect(one.body.contains("Zwei Schlüsselhalter müssen entsperren"))
            #expect(one.body.contains(#"id="second-holder-error""#))

            try await browser.get("/statistics/requests/\(id)")
            let wrong = try await browser.post(path, [("holder", "Anna"), ("passphrase", Self.passphrases["Anna"]!),
                                                      ("second_holder", "Ben"), ("second_passphrase", "nicht Bens Passphrase")])
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.body.contains("Falsche Passphrase des zweiten Schlüsselhalters „Ben“"))
            #expect(wrong.body.contains(#"id="second-passphrase-error""#))
            #expect(!wrong.body.contains("nicht Bens Passphrase") && !wrong.body.contains(Self.passphrases["Anna"]!))

            try await browser.get("/statistics/requests/\(id)")
            let same = try await browser.post(path, [("holder", "Anna"), ("passphrase", Self.passphrases["Anna"]!),
                                                     ("second_holder", "Anna"), ("second_passphrase", Self.passphrases["Anna"]!)])
            #expect(same.status == .unprocessableContent)
            #expect(try ReportTests.releases(fixture) == 0)
            #expect(try ReportTests.requests(fixture).first?.status == .requested)

            try await browser.get("/statistics/requests/\(id)")
            let released = try await browser.post(path, [("holder", "Tresor DSB"), ("passphrase", Self.passphrases["Tresor DSB"]!),
                                                         ("second_holder", "Ben"), ("second_passphrase", Self.passphrases["Ben"]!)])
            #expect(released.status == .seeOther)
            #expect(try ReportTests.releases(fixture) == 1)
            #expect(try ReportTests.requests(fixture).first?.status == .released)
        }
    }

    @Test func theApiReleasesWithTwoKeyholdersOnly() async throws {
        let fixture = try WebAppFixture(demo: true, hires: 120)
        try Keystore.open(fixture.location).shareAmongKeyholders(
            .passphrase(Passphrase(DemoFixture.passphrase)),
            holders: ["Anna", "Ben"].map { HolderPassphrase(name: try KeyholderName($0), passphrase: try Passphrase(Self.passphrases[$0]!)) })
        try await fixture.run { browser in
            let id = try await ReportTests.request(browser, fixture)
            let old = try await ReportAPITests.release(browser, id, body: #"{"passphrase":"vielfalt-demo"}"#)
            #expect(old.status == .badRequest)
            #expect(try APITests.error(old)["field"] as? String == "holder")
            let one = try await ReportAPITests.release(browser, id, body: #"{"holder":"Anna","passphrase":"Annas lange Passphrase"}"#)
            #expect(try APITests.error(one)["field"] as? String == "second_holder")
            let wrong = try await ReportAPITests.release(browser, id, body: #"{"holder":"Anna","passphrase":"Annas lange Passphrase","second_holder":"Ben","second_passphrase":"falsch"}"#)
            #expect(wrong.status == .unprocessableContent)
            #expect(try APITests.error(wrong)["field"] as? String == "second_passphrase")
            #expect(wrong.body.contains("'Ben'") && !wrong.body.contains("Annas lange Passphrase"))
            #expect(try ReportTests.releases(fixture) == 0)
            let released = try await ReportAPITests.release(browser, id, body: #"{"second_holder":"Anna","second_passphrase":"Annas lange Passphrase","holder":"Ben","passphrase":"Bens lange Passphrase"}"#)
            #expect(released.status == .ok)
            #expect(try ReportTests.releases(fixture) == 1)
        }
    }

    @Test func aRefusedNameCountsLikeAWrongPassphraseForTheBackoff() async throws {
        let fixture = try WebAppFixture(demo: true, hires: 120) { $0.loginFailuresBeforeBackoff = 1 }
        try Keystore.open(fixture.location).shareAmongKeyholders(
            .passphrase(Passphrase(DemoFixture.passphrase)),
            holders: ["Anna", "Ben"].map { HolderPassphrase(name: try KeyholderName($0), passphrase: try Passphrase(Self.passphrases[$0]!)) })
        try await fixture.run { browser in
            let id = try await ReportTests.request(browser, fixture)
            try await browser.login(.statistics)
            try await browser.get("/statistics/requests/\(id)")
            let unknown = try await browser.post("/statistics/requests/\(id)/release", [("holder", "Anna"), ("passphrase", "x"),
                                                                                        ("second_holder", "Carla"), ("second_passphrase", "y")])
            #expect(unknown.status == .unprocessableContent)
            try await browser.get("/statistics/requests/\(id)")
            let next = try await browser.post("/statistics/requests/\(id)/release", [("holder", "Anna"), ("passphrase", Self.passphrases["Anna"]!),
                                                                                     ("second_holder", "Ben"), ("second_passphrase", Self.passphrases["Ben"]!)])
            #expect(next.status == .tooManyRequests)
            #expect(try ReportTests.releases(fixture) == 0)
        }
    }
}
