// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "tradefacts",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tradefacts", targets: ["tradefacts"]),
        .library(name: "TradeFacts", targets: ["TradeFacts"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // PCRE2 from the system (Debian: libpcre2-dev), through a shim header.
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]
        ),
        // A small, safe Swift wrapper over PCRE2: compile, JIT, named groups, limits.
        .target(name: "PCRE2Kit", dependencies: ["CPCRE2"]),
        // Turns Rules/**/*.yaml into Swift source so the default rules live inside the binary.
        .executableTarget(name: "RulesEmbedder"),
        .plugin(name: "EmbedRules", capability: .buildTool(), dependencies: ["RulesEmbedder"]),
        
        // The engine: text, rules, normalizers, extraction, records, checks, reports.
        .target(
            name: "TradeFacts",
            dependencies: ["PCRE2Kit", .product(name: "Yams", package: "Yams")],
            plugins: ["EmbedRules"]
        ),
        // The thin command-line front end.
        .executableTarget(
            name: "tradefacts",
            dependencies: ["TradeFacts", "PCRE2Kit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "PCRE2KitTests", dependencies: ["PCRE2Kit"]),
        .testTarget(name: "TradeFactsTests", dependencies: ["TradeFacts"]),
    ]
)
