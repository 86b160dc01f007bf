import Foundation

/// Optima of attacker blocks already solved, kept across audits.
///
/// Secondary suppression and its cleanup audit one pattern after another that differ in a cell or
/// two, so most blocks come back unchanged. A block's signature lists its rows in atom ids with
/// their bounds, which determines its linear program completely: a stored optimum for the same
/// signature and objective *is* the optimum, whatever table the atoms came from. Lookups compare
/// the whole signature, never only a hash.
///
/// Memory stays bounded: entries live in two generations; when the newer one holds more than
/// ``budget`` words it becomes the older one and the former older one is dropped. Entries found in
/// the older generation move to the newer one.
final class BlockMemo: @unchecked Sendable {
    struct Entry {
        /// Sorted classes of an objective (see ``AttackerBlocks``) → its minimum, its maximum.
        var minima: [[Int]: Double] = [:]
        var maxima: [[Int]: Double] = [:]
        var feasible = false
    }

    static let shared = BlockMemo()
    /// About 8 bytes a word: two generations stay below some 50 MB.
    static let budget = 3_000_000

    private let lock = NSLock()
    private var newer: [BlockSignature: Entry] = [:]
    private var older: [BlockSignature: Entry] = [:]
    private var newerWords = 0

    func entry(_ signature: BlockSignature) -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        if let found = newer[signature] { return found }
        guard let found = older.removeValue(forKey: signature) else { return nil }
        store(signature, found)
        return found
    }

    func update(_ signature: BlockSignature, _ change: (inout Entry) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        var entry: Entry
        if let found = newer[signature] {
            entry = found
            newerWords -= signature.words.count + words(of: found)
        } else {
            entry = older.removeValue(forKey: signature) ?? Entry()
        }
        change(&entry)
        store(signature, entry)
    }

    /// Forgets everything (tests use it to compare cold and warm runs).
    func removeAll() {
        lock.lock()
        defer { lock.unlock() }
        newer = [:]
        older = [:]
        newerWords = 0
    }

    private func words(of entry: Entry) -> Int {
        (entry.minima.keys.reduce(0) { $0 + $1.count + 3 }) + (entry.maxima.keys.reduce(0) { $0 + $1.count + 3 })
    }

    private func store(_ signature: BlockSignature, _ entry: Entry) {
        newerWords += signature.words.count + words(of: entry)
        newer[signature] = entry
        if newerWords > Self.budget {
            older = newer
            newer = [:]
            newerWords = 0
        }
    }
}
