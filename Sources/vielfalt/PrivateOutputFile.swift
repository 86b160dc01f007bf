import Foundation
import Forms

/// A file of codes for one person's hands (receipts of an import, invitation letters): created new
/// with mode 0600, never overwriting, and deleted again if the command fails, so that an empty or
/// partial file neither blocks the corrected re-run nor holds codes of rolled-back rows.
final class PrivateOutputFile {
    private let handle: FileHandle
    private let path: String

    /// - Parameters: `option` names the file in the error (`receipts`, `letters`); `german` is its
    ///   German name in the error's German sentence.
    init(path: String, option: String, english: String, german: String) throws {
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        guard fd >= 0 else {
            throw InputError(file: path, field: option, english: "cannot create the \(english) (does it exist already?)",
                             german: "\(german) kann nicht angelegt werden (gibt es sie schon?).")
        }
        self.path = path
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    func write(_ text: String) throws { try handle.write(contentsOf: Data(text.utf8)) }

    func close() throws { try handle.close() }

    /// Closes and deletes the file.
    func discard() {
        try? handle.close()
        unlink(path)
    }
}
