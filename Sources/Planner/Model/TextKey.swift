internal import CSupport
import Foundation

/// A string as a dictionary key by its UTF-8 bytes. `String` hashes and
/// compares canonically (NFC), checking every byte of Chinese text for it on
/// every lookup; ids and paths here are compared as the bytes they are, which
/// is what a table of 10,000 item ids needs and several times faster.
struct TextKey: Hashable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    func hash(into hasher: inout Hasher) {
        hasher.combineText(text)
    }

    static func == (a: TextKey, b: TextKey) -> Bool {
        a.text.hasSameBytes(as: b.text)
    }
}

/// A dictionary from strings compared by their bytes (see `TextKey`).
struct TextKeyed<Value>: Sendable where Value: Sendable {
    private var storage: [TextKey: Value] = [:]

    init() {}

    init(minimumCapacity: Int) { storage.reserveCapacity(minimumCapacity) }

    subscript(_ key: String) -> Value? {
        get { storage[TextKey(key)] }
        set { storage[TextKey(key)] = newValue }
    }

    subscript(_ key: String, default defaultValue: @autoclosure () -> Value) -> Value {
        get { storage[TextKey(key), default: defaultValue()] }
        set { storage[TextKey(key), default: defaultValue()] = newValue }
    }
}

extension Hasher {
    /// A string's UTF-8 bytes and a terminator. `combine(String)` hashes the
    /// canonical (NFC) form, checking every byte of Chinese text for it; an
    /// in-process signature only needs the same bytes to give the same hash.
    mutating func combineText(_ text: String) {
        // Folded to one word first, eight bytes a step (CSupport/digest.c): hashing every
        // byte through SipHash cost more than the lookups of the tables of ids and paths it keys.
        combine(text.withBorrowedUTF8 { planbuild_text_fold($0.baseAddress, $0.count) })
    }

    mutating func combineText(_ text: String?) {
        if let text { combineText(text) } else { combine(UInt8(0xFE)) }
    }
}

extension String {
    /// `withUTF8` without a copy of the string where its bytes are contiguous
    /// already (native and small strings: all of them here): `withUTF8` is
    /// mutating, and the copy it needs retains and releases the storage on
    /// every hash, comparison and page value.
    func withBorrowedUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }

    /// Byte equality; `==` also equates canonically equivalent text, and
    /// checks every scalar of non-ASCII text to do so.
    func hasSameBytes(as other: String) -> Bool {
        utf8.count == other.utf8.count && compareBytes(other) == 0
    }

    /// Order by UTF-8 bytes, which is the order of code points: the order of
    /// `<` for text in NFC (all ids here), without its per-scalar checks.
    func precedesByBytes(_ other: String) -> Bool {
        compareBytes(other) < 0
    }

    /// Negative, zero or positive as `self`'s UTF-8 bytes sort before, with or after `other`'s.
    private func compareBytes(_ other: String) -> Int {
        withBorrowedUTF8 { x in
            other.withBorrowedUTF8 { y in
                let common = Swift.min(x.count, y.count)
                if common > 0, let p = x.baseAddress, let q = y.baseAddress, p != q {
                    let order = memcmp(p, q, common)
                    if order != 0 { return Int(order) }
                }
                return x.count - y.count
            }
        }
    }
}
