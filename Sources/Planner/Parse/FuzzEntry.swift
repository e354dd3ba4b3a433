import Foundation

/// The parsing front of the pipeline on raw bytes, for fuzzing: decode the
/// text, split the front matter, compose and decode the YAML as an item or a
/// persona, decode it as plan.yml, and render the body as Markdown. Nothing
/// is read from or written to disk. It must never crash, whatever the bytes.
public enum FuzzEntry {
    private static let roles: [SourceRole] = [.item(.moment), .item(.topic), .item(.surprise), .item(.chat), .persona]

    /// Runs every stage on `data`; returns the number of diagnostics, so the
    /// work cannot be optimised away.
    @discardableResult
    public static func run(_ data: Data) -> Int {
        // The role is taken from the size so that one input explores one path.
        let role = roles[data.count % roles.count]
        let relative: String
        switch role {
        case .item(let kind): relative = kind.rawValue + "/fuzz.md"
        default: relative = "personas/fuzz.md"
        }
        let entry = SourceEntry(role: role, relativePath: relative, displayPath: "content/" + relative, absolutePath: "/nonexistent/" + relative)
        let decoder = DocumentDecoder(maximumFileSize: FrontMatterSplitter.defaultMaximumSize)
        let (document, diagnostics) = decoder.decode(entry: entry, data: data)
        var count = diagnostics.count
        let markdown = MarkdownRenderer()
        switch document {
        case .item(let item):
            count += markdown.html(item.body).utf8.count
            count += Resolver.title(fromBody: item.body, fallback: item.id).count
        case .persona(let persona):
            count += markdown.html(persona.story).utf8.count
        case .none, .series, .override, .person:
            break
        }
        // The same text as plan.yml, and the raw text as Markdown.
        if case .success(let text) = FrontMatterSplitter.decodeText(data) {
            count += PlanConfigDecoder(file: "content/plan.yml").decode(text).diagnostics.count
            if case .success(let split) = FrontMatterSplitter.split(text) {
                count += markdown.html(split.body).utf8.count
            } else {
                count += markdown.html(text).utf8.count
            }
        }
        return count
    }
}
