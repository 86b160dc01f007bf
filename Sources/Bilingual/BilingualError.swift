/// An error that people read: what went wrong and where, in English and in German, with the exit
/// code a command ends with and the HTTP status an API call answers with.
///
/// Every module's errors adopt it, so that the command line and the web application print and
/// answer any error alike without knowing its type. Messages name files, lines, fields and
/// periods, never a submitted value, an answer, a key or a receipt code: a message can end up in a
/// log or on a screen.
public protocol BilingualError: Error, Sendable {
    /// The message in English and in German, with the file, line and field when known.
    var explanation: (english: String, german: String) { get }
    /// The field of a form or request the error is about, so that a page or an API answer can
    /// point at it; nil when the error is about no single field.
    var field: String? { get }
    /// How a command ends: ``CommandExitCode/badInput`` and the others.
    var exitCode: CommandExitCode { get }
    /// How an API call answers: 4xx for what the caller can fix, 5xx for what the operator must.
    var httpStatus: Int { get }
}

extension BilingualError {
    public var field: String? { nil }

    /// The message in `language` (`de` or `en`; anything else is English).
    public func message(_ language: String) -> String {
        language == "de" ? explanation.german : explanation.english
    }
}

/// The exit codes of `vielfalt`, the same for every command.
public enum CommandExitCode: Int32, Sendable {
    /// Something looked up is not there (an unknown receipt code, an unknown user).
    case notFound = 1
    /// The input is wrong: fix what the message names and run the command again.
    case badInput = 2
    /// A wrong passphrase, or data that fails authentication: nothing was changed.
    case refusedOrTampered = 3
}
