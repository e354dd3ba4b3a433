/// The bytes of every content file a load read, by the path diagnostics name
/// (relative to the repository root): the text report quotes the line of each
/// finding from here instead of reading thousands of files a second time.
/// Kept only when a command will print such a report.
public final class SourceTexts: @unchecked Sendable {  // guarded by `lock`
    private var texts = TextKeyed<[UInt8]>()
    private let lock = NSLockShim()

    public init() {}

    func store(_ displayPath: String, _ bytes: [UInt8]) {
        lock.withLock { texts[displayPath] = bytes }
    }

    /// The bytes read for a file named as diagnostics name it; nil when the load did not read it.
    public func bytes(of displayPath: String) -> [UInt8]? {
        lock.withLock { texts[displayPath] }
    }
}
