import Foundation
import Forms
import Logging
import Retention
import Store
import Vault

extension Installation {
    /// What a restore deleted again.
    public struct RestoreOutcome: Sendable, Equatable {
        /// Responses in the data backup withdrawn since, whose withdrawal was made again.
        public let withdrawalsReapplied: Int
        /// The purge as of today: whatever was purged after the backups were made.
        public let purge: Purge.Outcome
        /// True when no keys in use were given: releases made after the keystore backup are then
        /// unknown, and the data backup's ledger may lack them unnoticed.
        public let releasesUnchecked: Bool
    }

    /// Restores a data backup (`vielfalt backup`) and a keystore backup (`vielfalt keystore
    /// backup`) into new directories, makes again every withdrawal the restored keystore (and the
    /// keys directory `liveKeys`, when it survived) holds a tombstone of, then purges as of today.
    ///
    /// Nothing deleted comes back (SDM 60, deletion again after a restore): purges follow from the
    /// retention policy and the day, so purging as of today deletes again whatever was purged after
    /// the backups were made and destroys the keys of those periods that the keystore backup still
    /// held; withdrawals leave a tombstone in the keystore, which a data backup never holds. A
    /// withdrawal made after both the keystore backup and the loss of the keys directory in use
    /// left its tombstone nowhere that survived, and cannot be made again.
    ///
    /// A data backup whose release ledger lacks a release the keystores' release marks know is
    /// refused (those of `liveKeys` before anything is written): after it, the next release would
    /// not be audited against releases readers hold. Without `liveKeys`, releases made after the
    /// keystore backup cannot be known (``RestoreOutcome/releasesUnchecked``).
    public static func restore(data backup: URL, keystore file: URL, unlock: KeystoreUnlock, into directories: Directories,
                               liveKeys: URL? = nil, by actor: Actor, logger: Logger = Logger(label: "vielfalt")) throws -> RestoreOutcome {
        let location = directories.location
        guard !location.exists else { throw StoreError.alreadyExists(path: location.directory.path) }
        let files = ["vielfalt.sqlite", "users.sqlite"].map { backup.appendingPathComponent($0) }
        guard FileManager.default.fileExists(atPath: files[0].path) else { throw StoreError.notFound(path: backup.path) }
        // Read before anything is written, so that a wrong directory restores nothing.
        let ledger = try DataStore.releases(inBackup: files[0])
        let live = try liveKeys.map { keys -> (storeID: Data, tombstones: [WithdrawalTombstone], purgeGeneration: Int, marks: [ReleaseMark]) in
            let location = StoreLocation(directory: keys, keys: keys)
            guard FileManager.default.fileExists(atPath: location.keystoreURL.path) else {
                throw InputError(file: keys.path, field: "live-keys",
                                 english: "no keystore.sqlite here: give the keys directory the installation used until now (its --keys)",
                                 german: "Hier liegt keine keystore.sqlite: bitte das bisher genutzte Schlüsselverzeichnis angeben (sein --keys).")
            }
            let keystore = try Keystore.open(location)
            return (try keystore.storeID(), try keystore.tombstones(), try keystore.purgeGeneration(), try keystore.releaseMarks())
        }
        try refuseForgottenReleases(live?.marks ?? [], ledger: ledger, backup: backup)
        try Keystore.restore(from: file, unlock: unlock, to: location)
        try FileManager.default.createDirectory(at: directories.data, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        for source in files where FileManager.default.fileExists(atPath: source.path) {
            let target = directories.data.appendingPathComponent(source.lastPathComponent)
            try FileManager.default.copyItem(at: source, to: target)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target.path)
        }
        let installation = try open(directories, logger: logger)
        let storeID = try installation.keystore.storeID()
        guard try installation.data.storeID() == storeID, live.map({ $0.storeID == storeID }) ?? true else {
            // Backups of two different stores: nothing restored stays behind.
            removeRestored(directories)
            throw StoreError.keystoreMismatch
        }
        // The purges the data backup and the keys in use know of: a keystore backup made before the
        // last of them holds a key destroyed since, and its destruction is what the audit asks for.
        let generation = try installation.keystore.generation()
        let purgeGeneration = max(try installation.data.lastPurgeGeneration(), live?.purgeGeneration ?? 0)
        guard generation >= purgeGeneration else {
            removeRestored(directories)
            throw InputError(file: file.path, field: "from-keystore",
                             english: "the keystore backup is of generation \(generation), older than the last purge (generation \(purgeGeneration)): it holds a key destroyed since and must be destroyed; restore a newer keystore backup",
                             german: "Die Schlüsselsicherung stammt aus Generation \(generation), älter als der letzte Löschlauf (Generation \(purgeGeneration)): Sie enthält einen inzwischen vernichteten Schlüssel und ist zu vernichten; bitte eine neuere Schlüsselsicherung wiederherstellen.")
        }
        // The keystore backup's own marks are readable only once it is opened.
        let marks = releaseMarks(live?.marks ?? [], try installation.keystore.releaseMarks())
        do { try refuseForgottenReleases(marks, ledger: ledger, backup: backup) } catch {
            removeRestored(directories)
            throw error
        }
        try installation.data.recordEvent("store restored", by: actor)
        for mark in marks { try installation.keystore.markRelease(mark.release, digest: mark.digest) }
        try installation.keystore.recordTombstones(live?.tombstones ?? [])
        let reapplied = try installation.intake.reapplyWithdrawals(installation.keystore.tombstones(), by: actor)
        let outcome = RestoreOutcome(withdrawalsReapplied: reapplied, purge: try installation.purge(by: actor), releasesUnchecked: liveKeys == nil)
        installation.logDone(.restore, ["withdrawals_reapplied": .count(reapplied), "live_keys": .count(liveKeys == nil ? 0 : 1),
                                        "releases_known": .count(marks.count),
                                        "periods_purged": .periods(outcome.purge.steps.filter { $0.scope == "period" }.map(\.period))])
        return outcome
    }

    public static func restore(data backup: URL, keystore file: URL, passphrase: Passphrase, into directories: Directories,
                               liveKeys: URL? = nil, by actor: Actor) throws -> RestoreOutcome {
        try restore(data: backup, keystore: file, unlock: .passphrase(passphrase), into: directories, liveKeys: liveKeys, by: actor)
    }

    /// What a refused restore made, removed again.
    private static func removeRestored(_ directories: Directories) {
        let location = directories.location
        let made = [location.dataURL, location.keystoreURL, directories.data.appendingPathComponent("users.sqlite")]
        for url in made { for suffix in ["", "-wal", "-shm"] { unlink(url.path + suffix) } }
    }
}
