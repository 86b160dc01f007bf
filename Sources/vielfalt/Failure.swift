import ArgumentParser
import Bilingual
import Foundation

/// Maps every error to its message on standard error and its exit code.
///
/// Every module's errors are `BilingualError`s: their English message, their exit code (2: bad
/// input, naming file, line and field; 3: wrong passphrase or tampered data; 1: not found).
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
        case let error as BilingualError: return (error.explanation.english, error.exitCode.rawValue)
        case let error as CocoaError:
            // Foundation's own text is an NSError dump; say which file and what, in both languages.
            let file = error.filePath ?? error.url?.path ?? "a file"
            let what = error.code == .fileReadNoSuchFile || error.code == .fileNoSuchFile
                ? "file not found / Datei nicht gefunden" : "cannot read or write the file / Datei nicht les- oder schreibbar"
            return ("\(file): \(what)", CommandExitCode.badInput.rawValue)
        default: return ("\(error)", CommandExitCode.badInput.rawValue)
        }
    }
}

/// Writes a line to standard error: progress and confirmations, never data.
func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
