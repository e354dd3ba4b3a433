import ArgumentParser
import Foundation
import Planner
import PlannerServe

struct ServeCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "serve",
            abstract: words(
                "生成站点并在 127.0.0.1 上预览；文件一改就重新生成，并刷新打开的页面。",
                "Build, serve the site on 127.0.0.1, rebuild on change and reload open pages."))
    }

    @OptionGroup var plan: PlanOptions

    @Option(name: .long, help: help("监听的端口（0 表示随便挑一个空闲的）。", "The port to listen on (0 picks a free one)."))
    var port: Int = 1313

    func run() async throws {
        let content = try plan.contentURL()
        guard (0...65535).contains(port) else { throw ValidationError(words("--port 必须在 0–65535 之间。", "--port must be 0–65535.")) }
        let server = PreviewServer(
            contentDirectory: content, themesDirectory: URL(fileURLWithPath: plan.themes).standardizedFileURL, port: port,
            today: try plan.todayDate(), language: try plan.language(), interfaceLanguage: interfaceLanguage,
            log: { line in
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            })
        try await server.run()
    }
}
