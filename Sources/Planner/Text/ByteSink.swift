/// Where rendered bytes go: an array, or the renderer's own buffer.
protocol ByteOutput {
    mutating func append(bytes: UnsafeBufferPointer<UInt8>)
}

extension Array: ByteOutput where Element == UInt8 {
    mutating func append(bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }
}

/// A growable byte buffer that a page is rendered into: appending a run is a
/// capacity check and a copy. `Array.append(contentsOf:)` costs some ninety
/// instructions before it copies anything, and a page is thousands of short runs.
/// Owns its memory: call `release()` when done.
struct ByteSink: ByteOutput {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    func release() { base.deallocate() }

    /// Empties the buffer and keeps its memory for the next page.
    mutating func removeAll() { count = 0 }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    @inline(__always)
    mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
        let length = bytes.count
        guard length > 0 else { return }
        if count + length > capacity { grow(to: count + length) }
        (base + count).initialize(from: bytes.baseAddress!, count: length)
        count += length
    }

    @inline(never)
    private mutating func grow(to needed: Int) {
        let larger = max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }
}
