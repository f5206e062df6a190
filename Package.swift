// swift-tools-version:6.0
import PackageDescription

/// libFuzzer targets exist only when `TRADEFACTS_FUZZ=1` (set by `scripts/fuzz`): they have no `main`
/// of their own (libFuzzer's, linked here with `-sanitize=fuzzer`, calls `LLVMFuzzerTestOneInput`),
/// so an ordinary build could not link them. `scripts/fuzz` instruments every other target with
/// coverage and AddressSanitizer flags instead of `--sanitize=fuzzer`, which would also give the
/// build-tool plugin's executable libFuzzer's `main` and break the build.
let fuzzing = Context.environment["TRADEFACTS_FUZZ"] == "1"
let fuzzTargets: [Target] = fuzzing
    ? [.executableTarget(name: "FuzzTarget", dependencies: ["FuzzHarness"],
                         swiftSettings: [.unsafeFlags(["-parse-as-library"])],
                         linkerSettings: [.unsafeFlags(["-sanitize=fuzzer"])])]
    : []
let fuzzProducts: [Product] = fuzzing
    ? [.executable(name: "FuzzTarget", targets: ["FuzzTarget"])]
    : []

// The layers, bottom to top. Each target imports only targets listed before it (docs/architecture.md).
let package = Package(
    name: "tradefacts",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tradefacts", targets: ["tradefacts"]),
        .library(name: "TradeFacts", targets: ["TradeFacts"]),
    ] + fuzzProducts,
    dependencies: [
        // Pinned to a minor range: a new minor or major release cannot change the build.
        .package(url: "https://github.com/apple/swift-argument-parser", .upToNextMinor(from: "1.8.2")),
        .package(url: "https://github.com/x-sheep/swift-property-based", .upToNextMinor(from: "2.0.1")),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", .upToNextMinor(from: "1.5.0")),
    ],
    targets: [
        // System C libraries (Debian: libpcre2-dev, libyaml-dev, libsqlite3-dev), each through a shim header.
        .systemLibrary(name: "CPCRE2", pkgConfig: "libpcre2-8", providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]),
        .systemLibrary(name: "CLibYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]),
        .systemLibrary(name: "CSQLite3", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),
        // A small, safe Swift wrapper over PCRE2: compile, JIT, named groups, limits.
        .target(name: "PCRE2Kit", dependencies: ["CPCRE2"]),
        // Turns Rules/**/*.yaml into Swift source so the default rules live inside the binary.
        .executableTarget(name: "RulesEmbedder"),
        .plugin(name: "EmbedRules", capability: .buildTool(), dependencies: ["RulesEmbedder"]),

        // 1. Documents, spans, lines, calendar dates, text decoding, JSON values.
        .target(name: "TradeFactsText", dependencies: ["PCRE2Kit"]),
        // 2. The rule model: YAML rule files and lexicons, definitions, expansion, triggers.
        .target(name: "TradeFactsRules", dependencies: ["TradeFactsText", "PCRE2Kit", "CLibYAML"], plugins: ["EmbedRules"]),
        // 3. Mentions: rules run over a document, values normalized, periods resolved.
        .target(name: "TradeFactsExtract", dependencies: ["TradeFactsRules"]),
        // 4. Statements: what a clause says changed, from what to what, between which periods.
        .target(name: "TradeFactsStatements", dependencies: ["TradeFactsExtract"]),
        // 5. Trade records assembled from mentions and statements.
        .target(name: "TradeFactsRecords", dependencies: ["TradeFactsStatements"]),
        // 6. The validator's checks and suppressions.
        .target(name: "TradeFactsChecks", dependencies: ["TradeFactsRecords", "TradeFactsStatements"]),
        // 7. Output: JSON, SARIF, text diagnostics, GitHub, JUnit, CSV tables and SQLite.
        .target(name: "TradeFactsReport", dependencies: ["TradeFactsChecks", "CSQLite3"]),
        // 8. The engine and batch pipeline; re-exports the layers below (the library product).
        .target(name: "TradeFacts", dependencies: ["TradeFactsReport"]),
        // 9. Scorers and the Corpus runner (not in the library product).
        .target(name: "TradeFactsEval", dependencies: ["TradeFacts"]),
        // 10. The language server (`tradefacts lsp`): JSON-RPC framing, UTF-16 positions, diagnostics,
        //     hovers and suppression quick fixes over the engine (not in the library product).
        .target(name: "TradeFactsLSP", dependencies: ["TradeFacts"]),
        // 11. The commands (swift-argument-parser), one file each, as a library so that the fuzz
        //     harness parses command lines with them.
        .target(
            name: "TradeFactsCLI",
            dependencies: ["TradeFacts", "TradeFactsEval", "TradeFactsLSP", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // 12. The thin executable: main.swift runs TradeFactsCommand.
        .executableTarget(name: "tradefacts", dependencies: ["TradeFactsCLI"]),
        // The bodies of the fuzz targets, as a library so the tests replay the fuzzers' crashes.
        .target(name: "FuzzHarness", dependencies: ["TradeFacts", "TradeFactsCLI"]),
        .testTarget(name: "PCRE2KitTests", dependencies: ["PCRE2Kit"]),
        .testTarget(name: "TradeFactsTests", dependencies: ["TradeFacts", "TradeFactsEval", "FuzzHarness", "TradeFactsLSP", "TradeFactsCLI"]),
        // Property tests (Swift Testing, through swift-property-based).
        .testTarget(name: "PropertyTests", dependencies: [
            "TradeFacts", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
    ] + fuzzTargets
)
