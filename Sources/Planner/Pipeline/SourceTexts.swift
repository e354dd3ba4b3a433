/// What a load read of every content file, by the path diagnostics name
/// (relative to the repository root): the text report quotes the line of
/// each finding from here instead of reading thousands of files a second
/// time. Kept only when a command will print such a report.
public final class SourceTexts: @unchecked Sendable {  // guarded by `lock`
    /// A file's text as the decoder made it (one copy, not decoded again for
    /// the report), or its bytes when they are not text the decoder took.
    private enum Source {
        /// Pieces that join to the text (`SplitDocument.parts`), sharing storage with the decoded file.
        case text([String])
        case bytes([UInt8])
    }

    private var sources = TextKeyed<Source>()
    private let lock = NSLockShim()

    public init() {}

    func store(_ displayPath: String, _ bytes: [UInt8]) {
        lock.withLock { sources[displayPath] = .bytes(bytes) }
    }

    /// The file's text as `FrontMatterSplitter.decodeText` gives it (byte order
    /// mark and CRs of CR LF gone), in pieces that join to it.
    func store(_ displayPath: String, text parts: [String]) {
        lock.withLock { sources[displayPath] = .text(parts) }
    }

    /// Lets go of every file none of `diagnostics` names: a build holds only
    /// the files its report will quote while it renders the site, so the
    /// render reuses the memory of the rest rather than asking for more.
    func keep(onlyFilesOf diagnostics: [Diagnostic]) {
        lock.withLock {
            var kept = TextKeyed<Source>()
            for diagnostic in diagnostics {
                let file = diagnostic.location.file
                if kept[file] == nil, let source = sources[file] { kept[file] = source }
            }
            sources = kept
        }
    }

    /// The bytes read for a file named as diagnostics name it; nil when the
    /// load did not read it or kept its decoded text (`text(of:)`) instead.
    public func bytes(of displayPath: String) -> [UInt8]? {
        lock.withLock {
            guard case .bytes(let bytes)? = sources[displayPath] else { return nil }
            return bytes
        }
    }

    /// The decoded text of a file named as diagnostics name it; nil when not kept.
    public func text(of displayPath: String) -> String? {
        let parts = lock.withLock { () -> [String]? in
            guard case .text(let parts)? = sources[displayPath] else { return nil }
            return parts
        }
        // Joined outside the lock: the report's threads ask for files at once.
        return parts.map { $0.count == 1 ? $0[0] : $0.joined() }
    }
}
