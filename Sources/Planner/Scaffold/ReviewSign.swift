import Foundation

/// `plan-build review sign ITEM… --by NAME [--on DATE]`: finds each item by
/// id (or by its file's path) and writes the sign-off into its file.
public struct ReviewSign: Sendable {
    public let contentDirectory: URL
    public let reviewer: String
    /// Nil: today in the plan's timezone.
    public let date: LocalDate?

    public init(contentDirectory: URL, reviewer: String, date: LocalDate?) {
        self.contentDirectory = contentDirectory
        self.reviewer = reviewer
        self.date = date
    }

    public struct Signed: Sendable {
        /// Relative to the content folder's parent, as diagnostics name files.
        public let file: String
        public let hash: String
    }

    public enum Failure: Error, Sendable {
        case unknownItem(String)
        case noFrontMatter(String)
        case unwritable(String, String)

        public var message: Localized {
            switch self {
            case .unknownItem(let name):
                return Localized(
                    zh: "找不到内容 “\(name)”：写 id（如 moments/2026-12/01-晨跑）或文件路径。",
                    en: "There is no item “\(name)”: give its id (like moments/2026-12/01-run) or its file's path.")
            case .noFrontMatter(let file):
                return Localized(zh: "\(file) 没有以 --- 开头和结束的文件头，无法签发。", en: "\(file) has no front matter between --- lines to sign.")
            case .unwritable(let file, let reason):
                return Localized(zh: "无法写入 \(file)：\(reason)", en: "Cannot write \(file): \(reason)")
            }
        }
    }

    /// Signs every item named, or none: an unknown name stops before any file is written.
    public func run(items names: [String]) -> Result<[Signed], Failure> {
        let pipeline = Pipeline(content: contentDirectory, today: date)
        let loaded = pipeline.load()
        let day = loaded.plan.map { pipeline.today(for: $0.config) } ?? date ?? Pipeline.today()
        var files: [URL] = []
        for name in names {
            guard let url = file(for: name, plan: loaded.plan) else { return .failure(.unknownItem(name)) }
            files.append(url)
        }
        var signed: [Signed] = []
        for url in files {
            let display = url.path
            guard let data = FileManager.default.contents(atPath: url.path) else { return .failure(.unknownItem(display)) }
            switch ReviewSigner.sign([UInt8](data), by: reviewer, on: day) {
            case .failure: return .failure(.noFrontMatter(display))
            case .success(let bytes):
                do {
                    try Data(bytes).write(to: url, options: .atomic)
                } catch {
                    return .failure(.unwritable(display, error.localizedDescription))
                }
                signed.append(Signed(file: display, hash: ReviewSigner.bodyHash(of: bytes) ?? ""))
            }
        }
        return .success(signed)
    }

    private func file(for name: String, plan: Plan?) -> URL? {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: name, isDirectory: &isDirectory), !isDirectory.boolValue {
            return URL(fileURLWithPath: name)
        }
        let id = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        if let item = plan?.items.first(where: { $0.id == id }) {
            let relative = item.id + ".md"
            let url = contentDirectory.appendingPathComponent(relative)
            if manager.fileExists(atPath: url.path) { return url }
        }
        let direct = contentDirectory.appendingPathComponent(id + ".md")
        guard !id.contains(".."), manager.fileExists(atPath: direct.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return nil
        }
        return direct
    }
}
