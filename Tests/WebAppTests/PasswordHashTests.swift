import Testing
import Vault

@Suite("Vault: Argon2id password hashes")
struct PasswordHashTests {
    @Test("hash and verify; a wrong password fails; the string is Argon2id")
    func roundTrip() throws {
        let hash = try PasswordHash(hashing: Password("correct horse battery"), strength: .minimum)
        #expect(hash.encoded.hasPrefix("$argon2id$v=19$"))
        #expect(hash.verify(try Password("correct horse battery")))
        #expect(!hash.verify(try Password("correct horse batterY")))
        #expect(try PasswordHash(encoded: hash.encoded) == hash)
        #expect(hash.needsRehash(.interactive))
        #expect(!hash.needsRehash(.minimum))
        #expect("\(hash)" == "PasswordHash(redacted)")
        #expect("\(try Password("secret secret"))" == "Password(redacted)")
    }

    @Test("two hashes of one password differ (random salt)")
    func salted() throws {
        let a = try PasswordHash(hashing: Password("same password"), strength: .minimum)
        let b = try PasswordHash(hashing: Password("same password"), strength: .minimum)
        #expect(a != b)
    }

    @Test("interactive strength verifies too")
    func interactive() throws {
        let hash = try PasswordHash(hashing: Password("interactive one"))
        #expect(hash.encoded.contains("m=65536"))
        #expect(hash.verify(try Password("interactive one")))
    }

    @Test("malformed stored hashes and empty passwords are refused", arguments: ["", "$2b$10$abcdef", "$argon2i$v=19$m=8,t=1,p=1$x$y"])
    func malformed(text: String) {
        #expect(throws: VaultError.malformed(what: "password hash")) { try PasswordHash(encoded: text) }
        #expect(throws: PassphraseError.self) { try Password("\n") }
    }
}
