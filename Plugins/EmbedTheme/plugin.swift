import Foundation
import PackagePlugin

/// Compiles `themes/default/` (and the user guides in `docs/`) into the Planner
/// module so the binary carries its built-in theme and works with no source tree beside it.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let themeDirectory = context.package.directoryURL
            .appendingPathComponent("themes")
            .appendingPathComponent("default")
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedTheme.swift")
        let inputs = themeFiles(under: themeDirectory)
        // The user guides, so `init` can put one into the repository it starts.
        let docsDirectory = context.package.directoryURL.appendingPathComponent("docs")
        let docsOutput = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedDocs.swift")
        let guides = themeFiles(under: docsDirectory).filter { $0.lastPathComponent.hasPrefix("guide.") }
        return [
            .buildCommand(
                displayName: "Embedding the built-in theme",
                executable: try context.tool(named: "EmbedThemeTool").url,
                arguments: [themeDirectory.path, output.path],
                inputFiles: inputs,
                outputFiles: [output]
            ),
            .buildCommand(
                displayName: "Embedding the user guides",
                executable: try context.tool(named: "EmbedThemeTool").url,
                arguments: [docsDirectory.path, docsOutput.path, "EmbeddedDocs", "guide."],
                inputFiles: guides,
                outputFiles: [docsOutput]
            ),
        ]
    }

    private func themeFiles(under directory: URL) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(
            at: directory, includingPropertiesForKeys: [.isRegularFileKey])
        else { return [] }
        var files: [URL] = []
        for case let url as URL in enumerator {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                files.append(url)
            }
        }
        return files.sorted { $0.path < $1.path }
    }
}
