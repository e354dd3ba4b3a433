import Foundation

/// Writes `review: {by, on, hash}` into an item file's front matter for
/// `plan-build review sign`, replacing an earlier `review:` block or adding
/// one before the closing `---`, and changes no other byte of the file
/// (`FrontMatterBlock` does the writing).
public enum ReviewSigner {
    public enum Failure: Error, Equatable, Sendable {
        /// The file has no front matter block (or it is not closed).
        case noFrontMatter
        /// Not UTF-8, or otherwise unreadable as a content file.
        case unreadable
    }

    /// The body's SHA-256 as the `review-required` rule computes it: the text
    /// after the closing `---` line, BOM dropped and CRLF read as LF.
    public static func bodyHash(of bytes: [UInt8]) -> String? {
        guard case .success(let text) = FrontMatterSplitter.decodeText(bytes: bytes),
            case .success(let document) = FrontMatterSplitter.split(text)
        else { return nil }
        return SHA256.hex(document.body)
    }

    public static func sign(_ bytes: [UInt8], by name: String, on date: LocalDate) -> Result<[UInt8], Failure> {
        guard let hash = bodyHash(of: bytes) else {
            if case .success(let text) = FrontMatterSplitter.decodeText(bytes: bytes),
                case .failure = FrontMatterSplitter.split(text)
            {
                return .failure(.noFrontMatter)
            }
            return .failure(.unreadable)
        }
        switch FrontMatterBlock.write(bytes, key: "review", value: "{by: \(quoted(name)), on: \(date), hash: \(hash)}") {
        case .success(let out): return .success(out)
        case .failure(.noFrontMatter): return .failure(.noFrontMatter)
        case .failure(.unreadable): return .failure(.unreadable)
        }
    }

    /// A YAML double-quoted scalar.
    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\x%02X", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
