import Foundation

/// `check --new-since REF`: keeps only diagnostics whose fingerprint is not
/// found when the same check runs on `git merge-base REF HEAD`, and moves each
/// one's primary location onto a file the change touched, so the annotation
/// lands on the diff.
public struct NewSince: Sendable {
    public let reference: String
    public let contentDirectory: URL
    public let today: LocalDate?

    public init(reference: String, contentDirectory: URL, today: LocalDate?) {
        self.reference = reference
        self.contentDirectory = contentDirectory
        self.today = today
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public func filter(_ current: CheckResult) throws -> CheckResult {
        let directory = contentDirectory.standardizedFileURL
        let top = try git(["rev-parse", "--show-toplevel"], in: directory).trimmingCharacters(in: .whitespacesAndNewlines)
        let root = URL(fileURLWithPath: top).standardizedFileURL
        let base = try git(["merge-base", reference, "HEAD"], in: root).trimmingCharacters(in: .whitespacesAndNewlines)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("plan-build-base-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        // git archive gives the tree at the base without touching the work tree or its index.
        let archive = scratch.appendingPathComponent("base.tar")
        _ = try git(["archive", "--format=tar", "-o", archive.path, base], in: root)
        let tree = scratch.appendingPathComponent("tree")
        try FileManager.default.createDirectory(at: tree, withIntermediateDirectories: true)
        try run("/usr/bin/env", ["tar", "-xf", archive.path, "-C", tree.path], in: scratch)
        // Mark the extracted tree as a repository root so file names match the current run's.
        try FileManager.default.createDirectory(at: tree.appendingPathComponent(".git"), withIntermediateDirectories: true)

        let realRoot = SiteWriter.canonical(root)
        let realContent = SiteWriter.canonical(directory)
        let relative = realContent == realRoot ? "" : String(realContent.dropFirst(realRoot.count + 1))
        let baseContent = relative.isEmpty ? tree : tree.appendingPathComponent(relative)
        var known: Set<String> = []
        if FileManager.default.fileExists(atPath: baseContent.appendingPathComponent("plan.yml").path) {
            let baseResult = Pipeline(content: baseContent, today: today).check().result
            known = Set(baseResult.diagnostics.map(\.fingerprint))
        }
        var touched = Set(try git(["diff", "--name-only", "--no-renames", base], in: root).split(separator: "\n").map(String.init))
        touched.formUnion(try git(["ls-files", "--others", "--exclude-standard"], in: root).split(separator: "\n").map(String.init))
        let fresh = current.diagnostics.filter { !known.contains($0.fingerprint) }.map { moveOntoChange($0, touched: touched) }
        return CheckResult(plan: current.plan, diagnostics: fresh.sorted(by: Diagnostic.reportOrder))
    }

    /// The primary location should be a file of the change; swap with a related one that is.
    private func moveOntoChange(_ diagnostic: Diagnostic, touched: Set<String>) -> Diagnostic {
        guard !touched.contains(diagnostic.location.file),
            let index = diagnostic.related.firstIndex(where: { touched.contains($0.location.file) })
        else { return diagnostic }
        let target = diagnostic.related[index]
        var related = diagnostic.related
        related[index] = RelatedLocation(location: diagnostic.location, message: Localized(zh: "原位置", en: "originally reported here"), itemID: diagnostic.itemID)
        return Diagnostic(
            ruleID: diagnostic.ruleID, severity: diagnostic.severity, message: diagnostic.message, location: target.location,
            itemID: target.itemID ?? diagnostic.itemID, date: diagnostic.date, persona: diagnostic.persona, related: related,
            hint: diagnostic.hint, fingerprint: diagnostic.fingerprint)
    }

    private func git(_ arguments: [String], in directory: URL) throws -> String {
        try run("/usr/bin/env", ["git"] + arguments, in: directory)
    }

    @discardableResult
    private func run(_ executable: String, _ arguments: [String], in directory: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(arguments.prefix(2).joined(separator: " ")) failed: \(String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
