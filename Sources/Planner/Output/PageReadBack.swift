import Foundation

// Reading a file back to compare it with a page before writing (when no
// ledger vouches for the file): the buffers and the chunked comparison.

extension PageFileWriter {
    /// Buffers to read files back into, kept from one file to the next: a
    /// buffer allocated and freed per file is memory the allocator hands back
    /// to the system and asks for again (zeroed pages) thousands of times.
    final class ReadBuffers: @unchecked Sendable {  // guarded by `lock`
        static let capacity = 256 * 1024
        private var spare: [UnsafeMutableRawPointer] = []
        private let lock = NSLockShim()

        func take() -> UnsafeMutableRawPointer {
            lock.withLock { spare.popLast() } ?? UnsafeMutableRawPointer.allocate(byteCount: Self.capacity, alignment: 16)
        }

        func give(_ buffer: UnsafeMutableRawPointer) { lock.withLock { spare.append(buffer) } }

        deinit {
            for buffer in spare { buffer.deallocate() }
        }
    }

    /// Reads a file in chunks and compares what comes next with spans given one after the other.
    struct ChunkReader {
        let descriptor: Int32
        let capacity = ReadBuffers.capacity
        let buffer: UnsafeMutableRawPointer
        let buffers: ReadBuffers
        var filled = 0
        var used = 0

        init(descriptor: Int32, buffers: ReadBuffers) {
            self.descriptor = descriptor
            self.buffers = buffers
            buffer = buffers.take()
        }

        func release() { buffers.give(buffer) }

        mutating func matches(_ span: UnsafeRawBufferPointer) -> Bool {
            var offset = 0
            while offset < span.count {
                if used == filled {
                    var count: Int
                    repeat { count = read(descriptor, buffer, capacity) } while count < 0 && errno == EINTR
                    guard count > 0 else { return false }
                    filled = count
                    used = 0
                }
                let length = min(span.count - offset, filled - used)
                guard memcmp(span.baseAddress! + offset, buffer + used, length) == 0 else { return false }
                offset += length
                used += length
            }
            return true
        }
    }
}
