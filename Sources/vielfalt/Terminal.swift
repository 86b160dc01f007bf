import Foundation
import Forms

/// Reads a secret from the controlling terminal with echo off.
enum Terminal {
    static let maxSecretLength = 4096

    static func readSecret(prompt: String) throws -> [UInt8] {
        let fd = open("/dev/tty", O_RDWR)
        guard fd >= 0 else {
            throw InputError(field: "secret", english: "no terminal to ask for the secret: use the --…-file option or the environment variable",
                             german: "Kein Terminal für die Eingabe: die Option --…-file oder die Umgebungsvariable verwenden.")
        }
        defer { close(fd) }
        _ = prompt.withCString { write(fd, $0, strlen($0)) }
        var original = termios()
        tcgetattr(fd, &original)
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(fd, TCSAFLUSH, &silent)
        defer {
            tcsetattr(fd, TCSAFLUSH, &original)
            _ = write(fd, "\n", 1)
        }
        // Reserved up front so that appending never moves the secret and leaves an unwiped copy.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.maxSecretLength)
        var byte: UInt8 = 0
        while read(fd, &byte, 1) == 1, byte != 0x0A, byte != 0x0D {
            guard bytes.count < Self.maxSecretLength else {
                wipe(&bytes)
                throw InputError(field: "secret", english: "longer than \(Self.maxSecretLength) bytes", german: "Länger als \(Self.maxSecretLength) Byte.")
            }
            bytes.append(byte)
        }
        byte = 0
        return bytes
    }

    /// A line typed on the terminal with echo: a keyholder's name, which is not secret.
    static func readLine(prompt: String) throws -> String {
        let fd = open("/dev/tty", O_RDWR)
        guard fd >= 0 else {
            throw InputError(field: "holder", english: "no terminal to ask for the keyholders' names: use --holder and --second-holder",
                             german: "Kein Terminal für die Namen der Schlüsselhalter: --holder und --second-holder verwenden.")
        }
        defer { close(fd) }
        _ = prompt.withCString { write(fd, $0, strlen($0)) }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while bytes.count < 1024, read(fd, &byte, 1) == 1, byte != 0x0A, byte != 0x0D { bytes.append(byte) }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func wipe(_ bytes: inout [UInt8]) {
        for i in bytes.indices { bytes[i] = 0 }
        bytes.removeAll()
    }
}
