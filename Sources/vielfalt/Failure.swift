import ArgumentParser
import Foundation
import Forms
import Store
import Vault
import Retention
import Reports

/// Maps every error to its message on standard error and its exit code.
///
/// 2: bad input (names file, line and field); 3: wrong passphrase or tampered data; 1: not found.
enum Failure {
    static func guarded<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ExitCode {
            throw error
        } catch {
            let (message, code) = describe(error)
            FileHandle.standardError.write(Data("error: \(message)\n".utf8))
            throw ExitCode(code)
        }
    }

    static func describe(_ error: Error) -> (String, Int32) {
        switch error {
        case let error as InputError: return (error.description, 2)
        case let error as VaultError:
            switch error {
            case .invalidReceiptCode, .valueTooLong: return (error.english, 2)
            default: return (error.english, 3)
            }
        case let error as StoreError:
            switch error {
            case .damaged, .keystoreMismatch, .keyTampered: return (error.english, 3)
            default: return (error.english, 2)
            }
        case let error as PassphraseError: return (error.description, 2)
        case let error as Purge.Refusal: return (error.description, 2)
        case let error as ReportError: return (error.english, 2)
        case let error as CocoaError:
            // Foundation's own text is an NSError dump; say which file and what, in both languages.
            let file = error.filePath ?? error.url?.path ?? "a file"
            let what = error.code == .fileReadNoSuchFile || error.code == .fileNoSuchFile
                ? "file not found / Datei nicht gefunden" : "cannot read or write the file / Datei nicht les- oder schreibbar"
            return ("\(file): \(what)", 2)
        default: return ("\(error)", 2)
        }
    }
}

/// Writes a line to standard error: progress and confirmations, never data.
func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
