import Bilingual

/// What can go wrong with the files of a store, in English and German.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `init` found an existing store and refuses to overwrite it.
    case alreadyExists(path: String)
    /// No store at the given directory.
    case notFound(path: String)
    /// The keystore does not belong to this data store.
    case keystoreMismatch
    /// The file is not a Vielfalt database or is damaged.
    case damaged(path: String, reason: String)
    /// A period's key was destroyed by a purge: its data can no longer be written or read.
    case periodDestroyed(period: Int)
    /// An entry or withdrawal came in between counting a release's figures and recording it.
    case changedWhileCounting
    /// A key in the keystore is not the one the store made: substituted or altered.
    case keyTampered(String)

    public var description: String { english }

    public var english: String {
        switch self {
        case .alreadyExists(let path): "a store already exists at \(path); refusing to overwrite it"
        case .notFound(let path): "no Vielfalt store at \(path) (run `vielfalt init --data DIR` first)"
        case .keystoreMismatch: "the keystore does not belong to this data store"
        case .damaged(let path, let reason): "\(path) is damaged or not a Vielfalt database: \(reason)"
        case .periodDestroyed(let period): "the key of period \(period) was destroyed by a purge; its data is gone"
        case .changedWhileCounting: "entries or withdrawals came in while the report was counted; nothing was released"
        case .keyTampered(let what): "the keystore was tampered with: \(what); nothing was released"
        }
    }

    public var german: String {
        switch self {
        case .alreadyExists(let path): "Unter \(path) gibt es bereits einen Datenbestand; er wird nicht überschrieben."
        case .notFound(let path): "Unter \(path) gibt es keinen Vielfalt-Datenbestand (zuerst `vielfalt init --data DIR`)."
        case .keystoreMismatch: "Der Schlüsselspeicher gehört nicht zu diesem Datenbestand."
        case .damaged(let path, let reason): "\(path) ist beschädigt oder keine Vielfalt-Datenbank: \(reason)"
        case .periodDestroyed(let period): "Der Schlüssel des Zeitraums \(period) wurde gelöscht; seine Daten sind vernichtet."
        case .changedWhileCounting: "Während der Auszählung wurden Angaben erfasst oder widerrufen; nichts wurde veröffentlicht."
        case .keyTampered(let what): "Der Schlüsselspeicher wurde manipuliert: \(what); nichts wurde veröffentlicht."
        }
    }
}

extension StoreError: BilingualError {
    public var explanation: (english: String, german: String) { (english, german) }

    /// An entry for a purged hiring year is well-formed, but its key is gone: the hiring month is
    /// what to look at.
    public var field: String? {
        if case .periodDestroyed = self { return "hired" }
        return nil
    }

    public var exitCode: CommandExitCode {
        switch self {
        case .damaged, .keystoreMismatch, .keyTampered: .refusedOrTampered
        default: .badInput
        }
    }

    public var httpStatus: Int {
        switch self {
        case .alreadyExists, .periodDestroyed, .changedWhileCounting: 409
        case .notFound, .damaged, .keystoreMismatch, .keyTampered: 500
        }
    }
}
