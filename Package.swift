// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "plan-build",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "plan-build", targets: ["plan-build"]),
        .library(name: "Planner", targets: ["Planner"]),
        .executable(name: "PlannerFuzz", targets: ["PlannerFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // serve: a real HTTP/1 server with streaming bodies for server-sent events.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        // import/export: an RFC 4180 reader and writer (quoted cells with line breaks), pure Swift, no resources.
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "CSupport"),
        .executableTarget(name: "EmbedThemeTool"),
        .plugin(
            name: "EmbedTheme",
            capability: .buildTool(),
            dependencies: ["EmbedThemeTool"]
        ),
        .target(
            name: "Planner",
            dependencies: [
                "CCmark",
                "CSupport",
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            plugins: ["EmbedTheme"]
        ),
        .target(
            name: "PlannerServe",
            dependencies: [
                "Planner",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "plan-build",
            dependencies: [
                "Planner",
                "PlannerServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The libFuzzer target: `make fuzz`. A plain build makes a replay tool.
        .executableTarget(
            name: "PlannerFuzz",
            dependencies: ["Planner"]
        ),
        .testTarget(
            name: "PlannerTests",
            dependencies: ["Planner"],
            exclude: ["Fixtures", "MustacheSpec"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
