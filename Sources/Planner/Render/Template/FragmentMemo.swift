import Foundation

/// Partials already rendered for a shared object, kept for the rest of one
/// site render: a chip is on its month, its week, its persona's month and
/// its segments' pages, the same bytes each time but for `site.root`.
///
/// A partial qualifies when the object on top of the stack was made once for
/// many pages (`TemplateObject.shared`) and the partial holds no partial or
/// block of its own. What it read from below that object (the page's
/// `site.root`) is kept beside the bytes and looked up again before they are
/// reused; a read that finds anything but text or nothing is not kept.
final class FragmentMemo: @unchecked Sendable {  // each shard guarded by its lock
    /// A read from below the shared object, and what it found.
    struct Dependency {
        let keys: Range<Int32>
        let text: String?
    }

    /// Where `bytes` hold text a variable tag wrote from below the shared
    /// object (a page's `site.root`): filled again on reuse, so one variant
    /// serves pages at every depth.
    struct Hole {
        let keys: Range<Int32>
        let escaped: Bool
        let start: Int
        let end: Int
    }

    struct Variant {
        let dependencies: [Dependency]
        let holes: [Hole]
        let bytes: [UInt8]
    }

    private struct Key: Hashable {
        let object: ObjectIdentifier
        let template: Int32
    }

    private struct Entry {
        /// Held so the identifier cannot be reused by another object while the memo lives.
        let object: TemplateObject
        var variants: [Variant]
    }

    private final class Shard {
        var entries: [Key: Entry] = [:]
        var bytes = 0
        let lock = NSLockShim()
    }

    /// Variants kept per object and partial: reads below the object that decide
    /// what is rendered (a section's) may differ from page to page; text it only writes is a hole.
    static let maximumVariants = 4
    /// Bytes kept per shard (64 MiB in all): ten thousand chips at two depths take a quarter of it;
    /// past it, a larger site renders the rest of its partials as before.
    static let shardBudget = 4 << 20
    private let shards = (0..<16).map { _ in Shard() }

    private func shard(_ object: TemplateObject) -> Shard {
        shards[Int((UInt(bitPattern: ObjectIdentifier(object)) >> 4) & 15)]
    }

    func variants(of object: TemplateObject, template: Int32) -> [Variant] {
        let shard = shard(object)
        let key = Key(object: ObjectIdentifier(object), template: template)
        return shard.lock.withLock { shard.entries[key]?.variants ?? [] }
    }

    func add(_ variant: Variant, of object: TemplateObject, template: Int32) {
        let shard = shard(object)
        let key = Key(object: ObjectIdentifier(object), template: template)
        shard.lock.withLock {
            var entry = shard.entries[key] ?? Entry(object: object, variants: [])
            guard entry.variants.count < Self.maximumVariants, shard.bytes + variant.bytes.count <= Self.shardBudget else { return }
            // Another thread may have rendered the same variant meanwhile.
            if entry.variants.contains(where: { Self.same($0.dependencies, variant.dependencies) }) { return }
            entry.variants.append(variant)
            shard.entries[key] = entry
            shard.bytes += variant.bytes.count
        }
    }

    private static func same(_ left: [Dependency], _ right: [Dependency]) -> Bool {
        left.count == right.count && zip(left, right).allSatisfy { $0.keys == $1.keys && $0.text == $1.text }
    }
}
