import Foundation
import Forms
import Logging
import Store
import Vault

/// One Vielfalt installation, opened for use: its stores, its forms, and where its policies are.
///
/// Open it once per process (``open(_:passwordStrength:now:)``) and share it: it is `Sendable`, its
/// methods block (SQLite, Argon2id, decryption), and the web application calls them off the event loop.
public final class Installation: Sendable {
    /// Where an installation keeps its files.
    public struct Directories: Sendable {
        /// `vielfalt.sqlite`, `users.sqlite` and `audit.head`.
        public var data: URL
        /// `keystore.sqlite`; nil for the default, `<data>-keys` beside the data.
        public var keys: URL?
        /// The form definitions and `units.yaml`.
        public var forms: URL
        /// `retention.yaml`, `processing.yaml` and `disclosure.yaml`.
        public var policy: URL
        /// The report definitions and `reference.yaml`.
        public var reports: URL

        public init(data: URL, keys: URL? = nil, forms: URL = URL(fileURLWithPath: "forms"),
                    policy: URL = URL(fileURLWithPath: "policy"), reports: URL = URL(fileURLWithPath: "reports")) {
            self.data = data
            self.keys = keys
            self.forms = forms
            self.policy = policy
            self.reports = reports
        }

        public var location: StoreLocation { StoreLocation(directory: data, keys: keys) }
    }

    public let directories: Directories
    let data: DataStore
    let keystore: Keystore
    private let loadedCatalog: OpenOnce<Catalog>
    private let openedIntake: OpenOnce<Intake>
    private let userStore: OpenOnce<UserStore>
    /// Releases, refusals and purges, whoever asks, one at a time.
    private let decisions = NSLock()
    /// Where operations are logged (``logDone(_:_:)``): counts and ids, never a secret.
    let logger: Logger

    private init(directories: Directories, now: Date, passwordStrength: PasswordHashStrength, logger: Logger) throws {
        self.directories = directories
        self.logger = logger
        let location = directories.location
        guard location.exists else {
            throw InputError(file: directories.data.path,
                             english: "no store here: create one with `vielfalt init` or `vielfalt demo`",
                             german: "Hier gibt es keinen Datenspeicher: mit `vielfalt init` oder `vielfalt demo` anlegen.")
        }
        let data = try DataStore.open(location), keystore = try Keystore.open(location)
        self.data = data
        self.keystore = keystore
        let catalog = OpenOnce { try Catalog(FormDirectory.load(directories.forms), now: now) }
        loadedCatalog = catalog
        openedIntake = OpenOnce {
            let forms = try catalog.value().forms
            return try Intake(data: data, keystore: keystore, forms: forms.forms, units: forms.units)
        }
        userStore = OpenOnce { try UserStore.open(directory: directories.data, strength: passwordStrength) }
    }

    /// Opens the store in `directories.data`; a missing or damaged store is an error naming it.
    /// Forms and users are read at their first use, so that the audit or a purge needs neither.
    public static func open(_ directories: Directories, passwordStrength: PasswordHashStrength = .interactive,
                            now: Date = Date(), logger: Logger = Logger(label: "vielfalt")) throws -> Installation {
        try Installation(directories: directories, now: now, passwordStrength: passwordStrength, logger: logger)
    }

    /// Every form version, the org units and the entry validator, loaded at first use; a broken
    /// form file is an error naming file, line and key.
    public var catalog: Catalog {
        get throws { try loadedCatalog.value() }
    }

    var intake: Intake {
        get throws { try openedIntake.value() }
    }

    /// The logins and the report request queue (`users.sqlite`), created at first use, so that a
    /// command that needs no user never creates the file.
    public var users: UserStore {
        get throws { try userStore.value() }
    }

    /// The id of the one form of this installation; with several, the caller must name one.
    public func onlyFormID() throws -> String {
        let ids = Set(try catalog.forms.forms.map(\.id)).sorted()
        guard ids.count == 1 else {
            throw InputError(field: "form", english: "several forms are loaded (\(ids.joined(separator: ", "))): name one",
                             german: "Mehrere Formulare sind geladen (\(ids.joined(separator: ", "))): bitte eines angeben.")
        }
        return ids[0]
    }

    /// Runs a decision (release, refusal, purge) while no other decision runs.
    func deciding<T>(_ work: () throws -> T) rethrows -> T {
        decisions.lock()
        defer { decisions.unlock() }
        return try work()
    }
}

/// A value made at first use, once, under a lock.
final class OpenOnce<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Value?
    private let make: @Sendable () throws -> Value

    init(_ make: @escaping @Sendable () throws -> Value) { self.make = make }

    func value() throws -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let value = try make()
        made = value
        return value
    }
}
