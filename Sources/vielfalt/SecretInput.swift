import Foundation
import Forms

/// Reads a secret (passphrase or password) as bytes: from a file's first line, else an environment
/// variable, else the terminal without echo (asked twice when `confirm`). The caller wraps the bytes
/// in a wiped type at once.
enum SecretInput {
    static func read(file: String?, environment: String?, prompt: String, confirm: Bool, field: String) throws -> [UInt8] {
        if let path = file {
            guard var bytes = FileManager.default.contents(atPath: path).map({ [UInt8]($0) }) else {
                throw InputError(file: path, english: "cannot read the \(field) file", german: "Die Datei (\(field)) kann nicht gelesen werden.")
            }
            if let newline = bytes.firstIndex(of: 0x0A) {
                for index in newline..<bytes.count { bytes[index] = 0 }
                bytes.removeSubrange(newline...)
            }
            return bytes
        }
        if let environment, let value = ProcessInfo.processInfo.environment[environment] { return Array(value.utf8) }
        var first = try Terminal.readSecret(prompt: prompt)
        if confirm {
            var second = try Terminal.readSecret(prompt: "Repeat: ")
            defer { Terminal.wipe(&second) }
            guard first == second else {
                Terminal.wipe(&first)
                throw InputError(field: field, english: "the two entries do not match", german: "Die beiden Eingaben stimmen nicht überein.")
            }
        }
        return first
    }
}
