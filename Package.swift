// swift-tools-version:6.0
import PackageDescription

/// libFuzzer targets exist only when `TRADEFACTS_FUZZ=1` (set by `scripts/fuzz`): they have no `main`
/// of their own (libFuzzer's, linked here with `-sanitize=fuzzer`, calls `LLVMFuzzerTestOneInput`),
/// so an ordinary build could not link them. `scripts/fuzz` instruments every other target with
/// coverage and AddressSanitizer flags instead of `--sanitize=fuzzer`, which would also give the
/// build-tool plugin's executable libFuzzer's `main` and break the build.
let fuzzing = Context.environment["TRADEFACTS_FUZZ"] == "1"
let fuzzTargets: [Target] = fuzzing
    ? ["FuzzPipeline", "FuzzMarkdown", "FuzzJSONLines", "FuzzRules"].map {
        .executableTarget(name: $0, dependencies: ["FuzzHarness"],
                          swiftSettings: [.unsafeFlags(["-parse-as-library"])],
                          linkerSettings: [.unsafeFlags(["-sanitize=fuzzer"])])
    }
    : []
let fuzzProducts: [Product] = fuzzing
    ? ["FuzzPipeline", "FuzzMarkdown", "FuzzJSONLines", "FuzzRules"].map { .executable(name: $0, targets: [$0]) }
    : []

let package = Package(
    name: "tradefacts",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tradefacts", targets: ["tradefacts"]),
        .library(name: "TradeFacts", targets: ["TradeFacts"]),
    ] + fuzzProducts,
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
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
        // The bodies of the fuzz targets, as a library so the tests replay the fuzzers' crashes.
        .target(name: "FuzzHarness", dependencies: ["TradeFacts", "PCRE2Kit"]),
        .testTarget(name: "PCRE2KitTests", dependencies: ["PCRE2Kit"]),
        .testTarget(name: "TradeFactsTests", dependencies: ["TradeFacts", "FuzzHarness", "PCRE2Kit"]),
        // Property tests (Swift Testing, through swift-property-based).
        .testTarget(name: "PropertyTests", dependencies: [
            "TradeFacts", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
    ] + fuzzTargets
)
