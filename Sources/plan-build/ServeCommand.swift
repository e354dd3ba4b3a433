import ArgumentParser
import Foundation
import Planner
import PlannerServe

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build, serve the site on 127.0.0.1, rebuild on change and reload open pages.")

    @OptionGroup var plan: PlanOptions

    @Option(name: .long, help: "The port to listen on (0 picks a free one).")
    var port: Int = 1313

    func run() async throws {
        let content = try plan.contentURL()
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0–65535.") }
        let server = PreviewServer(
            contentDirectory: content, themesDirectory: URL(fileURLWithPath: plan.themes).standardizedFileURL, port: port,
            today: try plan.todayDate(), language: try plan.language(),
            log: { line in
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            })
        try await server.run()
    }
}
